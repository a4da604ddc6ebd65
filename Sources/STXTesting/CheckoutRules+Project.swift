import Foundation

extension CheckoutRules {
    /// The rules of the project a test file belongs to: the nearest `name` in the test file's
    /// folder or one of its parents (so `Tests/RulesTests/RulesTests.swift` finds `checkout.lua`
    /// at the project's root).
    /// - Parameters:
    ///   - name: The script's file name.
    ///   - limits: The limits every checkout runs under.
    ///   - file: The test file (leave the default).
    /// - Returns: The rules.
    /// - Throws: ``TestInputError`` when no such script exists or it cannot be read.
    public static func project(
        _ name: String = "checkout.lua", limits: LuaLimits = .default, file: StaticString = #filePath
    ) throws(TestInputError) -> CheckoutRules {
        guard let script = TestFolder.find(name, from: file) else {
            throw TestInputError("no \(name) in \(TestFolder.of(file).path) or its parent folders: put the script at the project's root")
        }
        return try CheckoutRules(contentsOfFile: script.path, limits: limits)
    }
}
