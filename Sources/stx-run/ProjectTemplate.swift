import STXTestingCore

/// The files of a new merchant rules project (`stx-run init`).
struct ProjectTemplate {
    /// The checkout time of the example fixture's record and golden receipt.
    static let fixtureTime = "2026-11-25T17:30:00+01:00"

    /// The package's name.
    var name: String
    /// How the package depends on stx.
    var dependency: StxDependency

    /// Every file: path relative to the project, and its text.
    var files: [(String, String)] {
        [
            ("Package.swift", packageManifest),
            ("checkout.lua", Self.checkoutScript),
            ("Tests/RulesTests/RulesTests.swift", Self.rulesTests),
            ("Tests/RulesTests/Fixtures/bakery.json", Self.bakeryFixture),
            ("specs/rules.spec.lua", Self.ruleSpec),
            (LuaAnnotations.fileName, LuaAnnotations.source),
            (".luarc.json", LuaAnnotations.luarc),
            ("README.md", readme),
            (".gitignore", ".build/\n.build-*/\n.swiftpm/\nPackage.resolved\n"),
        ]
    }

    /// What to do next, printed after the project was created.
    func nextSteps(folder: String) -> String {
        """
        Created the rules project \(name) in \(folder):
          checkout.lua                  the rules (Lua 5.4)
          Tests/RulesTests/             XCTest rule tests, fixtures, golden receipts
          specs/rules.spec.lua          table-driven rule tests in Lua
          lua-types/stx.lua, .luarc.json  completion and type checks in Lua Language Server
        Next:
          cd \(folder) && swift test
          stx-run test specs/rules.spec.lua

        """
    }

    private var packageManifest: String {
        """
        // swift-tools-version: 6.1
        import PackageDescription

        // Merchant checkout rules: checkout.lua, tested with XCTest (Tests/RulesTests) through STXTesting.
        let package = Package(
            name: "\(name)",
            dependencies: [
                \(dependency.packageLine),
            ],
            targets: [
                .testTarget(
                    name: "RulesTests",
                    dependencies: [.product(name: "STXTesting", package: "\(dependency.identity)")],
                    path: "Tests/RulesTests",
                    exclude: ["Fixtures", "Goldens"]
                ),
            ]
        )

        """
    }

    private var readme: String {
        let stx: String
        switch dependency {
        case .path(let path): stx = "the stx checkout at `\(path)`"
        case .url(let url, let version): stx = "stx \(version) from \(url)"
        }
        return """
        # \(name): checkout rules

        The checkout rules of this shop, for stx (\(stx)): `checkout.lua` runs on every secuconnect
        Smart Transaction before the cash register pays, and on its receipt afterwards. Money is
        integer cents.

        | file | what |
        |---|---|
        | `checkout.lua` | the rules: bakery discount (10 %, 30 % from 18:00), top-up rules, receipt footer |
        | `Tests/RulesTests/RulesTests.swift` | rule tests in XCTest (`import STXTesting`) |
        | `Tests/RulesTests/Fixtures/` | transactions (`bakery.json`) and replay records (`*.record.json`) |
        | `Tests/RulesTests/Goldens/` | golden receipts: recorded once, reviewed, compared afterwards |
        | `specs/rules.spec.lua` | the same kind of tests as a table in Lua |
        | `lua-types/stx.lua`, `.luarc.json` | types for Lua Language Server: completion and checks in the editor |

        ## Test the rules

        ```sh
        swift test                                 # the XCTest rule tests
        stx-run test specs/rules.spec.lua          # the Lua specs; ends with "N passed, N failed"
        STX_RECORD_GOLDENS=1 swift test            # after an intended receipt change: record the goldens again
        ```

        A failing test shows the expected and the actual basket as a diff, amounts in EUR, and the
        audit trail: which rule changed what, at which line of `checkout.lua`.

        ## Try a checkout, record it, replay it

        ```sh
        stx-run checkout.lua --transaction Tests/RulesTests/Fixtures/bakery.json --now 2026-11-25T17:30:00+01:00
        stx-run checkout.lua --transaction Tests/RulesTests/Fixtures/bakery.json --record Tests/RulesTests/Fixtures/today.record.json
        stx-run replay Tests/RulesTests/Fixtures/today.record.json     # runs it again, shows any difference
        ```

        A record is a test fixture as it is: `await assertReplays(try Fixtures.record("today.record.json"), with: rules)`.
        `stx-run` is built in the stx package: `swift build --product stx-run` there.

        """
    }
}
