import CheckoutScripting
import Foundation
import Lua
import SmartTransactions

/// The inputs of one run, read and checked: a bad file exits 2 with a sentence saying why.
struct CheckoutRequest {
    var script: CheckoutScript
    var transaction: SmartTransaction
    var now: String
    var limits: LuaLimits

    init(scriptPath: String, transactionPath: String?, now: String, limits: LuaLimits) throws {
        do {
            script = try CheckoutScript(contentsOfFile: scriptPath)
        } catch {
            Console.error(error.description)
            throw ExitStatus.usage.exitCode
        }
        transaction = try Self.loadTransaction(transactionPath)
        self.now = now
        self.limits = limits
    }

    private static func loadTransaction(_ path: String?) throws -> SmartTransaction {
        guard let path else { return try demoTransaction() }
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else {
            Console.error("Invalid input: cannot read the transaction \(path): check the path and its permissions.")
            throw ExitStatus.usage.exitCode
        }
        do {
            return try SmartTransaction(json: JSON.parse(data))
        } catch {
            Console.error("Invalid input: the transaction \(path) is not a valid smart.transactions JSON: \(error)")
            throw ExitStatus.usage.exitCode
        }
    }
}

extension CheckoutRequest {
    fileprivate static func demoTransaction() throws -> SmartTransaction {
        do { return try DemoTransaction.transaction() } catch {
            Console.error("Invalid input: the built-in demo transaction does not decode: \(error)")
            throw ExitStatus.usage.exitCode
        }
    }
}
