// swift-tools-version: 6.1
import PackageDescription

/// Settings applied to every Swift target: Swift 6 language mode (strict concurrency).
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "stx",
    products: [
        .library(name: "Lua", targets: ["Lua"]),
        .library(name: "SmartTransactions", targets: ["SmartTransactions"]),
        .library(name: "STXEmulator", targets: ["STXEmulator"]),
        .library(name: "CheckoutScripting", targets: ["CheckoutScripting"]),
        .library(name: "Secuconnect", targets: ["Secuconnect"]),
        .library(name: "STXSandboxServer", targets: ["STXSandboxServer"]),
        .library(name: "STXTesting", targets: ["STXTesting"]),
        .executable(name: "stx-run", targets: ["stx-run"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev), found through pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev", "pkg-config"])]
        ),
        // Lua's macros as functions, protected calls, the allocator and the hooks: all the C
        // that must run between Swift and Lua so no Lua error ever longjmps across Swift frames.
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .target(name: "Lua", dependencies: ["CLua", "CLuaShim"]),
        .target(name: "SmartTransactions"),
        // The in-process emulator of the Smart Transactions endpoints (no network).
        .target(name: "STXEmulator", dependencies: ["SmartTransactions"]),
        .target(name: "CheckoutScripting", dependencies: ["Lua", "SmartTransactions", "STXEmulator"]),
        // The HTTP client for secuconnect (OAuth, Smart Transactions, the no-double-charge start).
        .target(
            name: "Secuconnect",
            dependencies: [
                "SmartTransactions",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The sandbox: the emulator behind real HTTP on loopback, with fault injection.
        .target(
            name: "STXSandboxServer",
            dependencies: [
                "SmartTransactions",
                "STXEmulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Rule tests without XCTest: runs, expectations, diffs, replay records, Lua specs, the
        // LuaCATS annotations. stx-run uses it; STXTesting adds the XCTest assertions.
        .target(name: "STXTestingCore", dependencies: ["CheckoutScripting", "Lua", "SmartTransactions", "STXEmulator"]),
        // What a merchant's XCTest rule tests import (no HTTP: neither Hummingbird nor async-http-client).
        .target(name: "STXTesting", dependencies: ["STXTestingCore", "CheckoutScripting", "SmartTransactions"]),
        .executableTarget(
            name: "stx-run",
            dependencies: [
                "CheckoutScripting",
                "Secuconnect",
                "STXSandboxServer",
                "Lua",
                "SmartTransactions",
                "STXEmulator",
                "STXTestingCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: property bodies that report what they throw (see FailOnThrow.swift).
        .target(name: "PropertyChecks", path: "Tests/PropertyChecks"),
        .testTarget(
            name: "LuaTests",
            dependencies: ["Lua", "PropertyChecks", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // Fresh sandbox vs. reset: `swift run -c release --scratch-path .build-lua lua-bench`.
        .executableTarget(name: "lua-bench", dependencies: ["Lua"]),
        // Issue 7: stx against plain Lua 5.4 (not a test): `bash scripts/bench`.
        .executableTarget(
            name: "stx-bench",
            dependencies: ["CheckoutScripting", "Lua", "SmartTransactions", "STXEmulator"],
            path: "Benchmarks/STXBench"
        ),
        // Runs the built stx-run binary: the CLI contract and every example in Examples/.
        .testTarget(name: "StxRunTests", dependencies: ["stx-run"]),
        .testTarget(
            name: "SecuconnectTests",
            dependencies: [
                "Secuconnect",
                "STXSandboxServer",
                "SmartTransactions",
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "STXEmulatorTests", dependencies: ["STXEmulator", "SmartTransactions"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SmartTransactionsTests",
            dependencies: [
                "SmartTransactions",
                "PropertyChecks",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "STXTestingTests",
            dependencies: [
                "STXTesting",
                "STXTestingCore",
                "CheckoutScripting",
                "Lua",
                "SmartTransactions",
                "stx-run",
                "PropertyChecks",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CheckoutScriptingTests",
            dependencies: [
                "CheckoutScripting",
                "Lua",
                "SmartTransactions",
                "STXEmulator",
                "PropertyChecks",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)

/// C targets take no Swift settings; every Swift target gets the same strict ones.
let cTargets: Set<String> = ["CLua", "CLuaShim"]
for target in package.targets where !cTargets.contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSwift
}
