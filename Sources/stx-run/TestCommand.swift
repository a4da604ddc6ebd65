import ArgumentParser
import Foundation
import STXTestingCore

/// `stx-run test SPEC.lua…`: table-driven rule tests written in Lua.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run table-driven rule tests written in Lua; ends with 'N passed, N failed'.",
        discussion: """
            A spec file returns { script = "checkout.lua", now = "...", cases = { { name = ..., \
            given = { products = {...}, card = {...} } or { transaction = "file.json" }, \
            expect = { sum = ..., coupons = {...}, basket = {...}, receipt = {...}, payment_method = ..., \
            rejected = ..., error = ..., limit = ... } }, ... } }. See the README. \
            Exit codes: 0 every case passed · 1 a case failed or a spec could not be read.
            """
    )

    @Argument(help: "The spec files.")
    var specs: [String]

    @Option(help: "Run every spec against this script instead of the one it names.")
    var script: String?

    func validate() throws {
        if specs.isEmpty { throw ValidationError("name at least one spec file, e.g. stx-run test specs/rules.spec.lua") }
    }

    func run() async throws {
        let summary = await SpecRunner(script: script).run(specs) { line in Console.output(line + "\n") }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
