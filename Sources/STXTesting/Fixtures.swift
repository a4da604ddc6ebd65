import Foundation

/// Fixture files of a rule test: the `Fixtures` folder next to the test file.
public enum Fixtures {
    /// The path of fixture `name`.
    /// - Parameters:
    ///   - name: The file's name in `Fixtures/`.
    ///   - file: The test file (leave the default).
    /// - Returns: The path.
    public static func path(_ name: String, file: StaticString = #filePath) -> String {
        TestFolder.of(file).appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// A transaction fixture: a `smart.transactions` JSON, or a replay record's input.
    /// - Parameters:
    ///   - name: The file's name in `Fixtures/`.
    ///   - file: The test file (leave the default).
    /// - Returns: The transaction.
    /// - Throws: ``TestInputError`` naming the file and the problem.
    public static func transaction(_ name: String, file: StaticString = #filePath) throws(TestInputError) -> SmartTransaction {
        try TransactionFile.load(path(name, file: file))
    }

    /// A replay record written by `stx-run SCRIPT … --record FILE`, used as it is.
    /// - Parameters:
    ///   - name: The file's name in `Fixtures/`.
    ///   - file: The test file (leave the default).
    /// - Returns: The record.
    /// - Throws: ``TestInputError`` naming the file and the problem.
    public static func record(_ name: String, file: StaticString = #filePath) throws(TestInputError) -> CheckoutRecord {
        try CheckoutRecord(contentsOfFile: path(name, file: file))
    }
}
