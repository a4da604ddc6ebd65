@testable import CheckoutScripting
import Foundation
import Lua
import STXTestingCore
import Testing

/// The LuaCATS annotations against the real bindings, both ways: every annotated field and
/// method exists on the real objects with a matching type, and every name the real objects
/// expose is annotated. The real objects are probed by a script in a real checkout.
@Suite("LuaCATS annotations")
struct LuaAnnotationsTests {
    static let file = LuaAnnotationsFile(LuaAnnotations.source)

    /// A probe: for every class, where a script finds an instance, in which hook.
    static let instances: [(hook: String, className: String, expression: String)] = [
        ("on_basket", "stx.Transaction", "tx"), ("on_receipt", "stx.Transaction", "tx"),
        ("on_basket", "stx.Merchant", "tx.merchant"), ("on_basket", "stx.ObjectRef", "tx.device_source"),
        ("on_basket", "stx.ObjectRef", "tx.transactions[1]"), ("on_basket", "stx.Basket", "tx.basket"),
        ("on_basket", "stx.Product", "tx.basket.products[1]"), ("on_basket", "stx.Product", "tx.basket.products[2]"),
        ("on_basket", "stx.ProductGroup", "tx.basket.products[1].group[1]"),
        ("on_basket", "stx.BasketInfo", "tx.basket_info"), ("on_basket", "stx.Ident", "tx.idents[1]"),
        ("on_basket", "stx.MerchantCard", "tx.idents[1].merchantcard"), ("on_basket", "stx.Money", "money"),
        ("on_receipt", "stx.Receipt", "receipt"), ("on_receipt", "stx.ReceiptLine", "receipt[1]"),
        ("on_receipt", "stx.ReceiptLine", "receipt[#receipt]"),
        ("on_receipt", "stx.ReceiptLineValue", "receipt[1].value"),
        ("on_receipt", "stx.ReceiptLineValue", "receipt:name_value('n', 'v', 'important').value"),
        ("on_receipt", "stx.ReceiptLineValue", "receipt:separator('s').value"),
        ("on_receipt", "stx.ReceiptLineValue", "receipt:textline('t', 'align-center').value"),
    ]

    /// What the probe saw: `has` (annotated name → Lua type), `key` (pairs), `global`, `add`.
    struct Observations {
        var has: [String: [String: Set<String>]] = [:]
        var keys: [String: Set<String>] = [:]
        var globals: Set<String> = []
        var addable: Set<String> = []
        var addErrors: [String] = []
        var transactionKeys: Set<String> = []
        var basketKeys: Set<String> = []
    }

    static func probeScript() -> String {
        func names(_ className: String) -> String {
            "{" + file.names(of: className).map { "\"\($0)\"" }.joined(separator: ", ") + "}"
        }
        func calls(_ hook: String) -> String {
            instances.filter { $0.hook == hook }
                .map { "  probe(\"\($0.className)\", \($0.expression), \(names($0.className)))" }
                .joined(separator: "\n")
        }
        let candidates = Set(file.names(of: "stx.NewProduct") + file.names(of: "stx.Product"))
            .subtracting(["desc", "priceOne", "tax", "total", "is_topup"]).sorted()
        let samples = candidates.map { name -> String in
            let type = file.classes["stx.NewProduct"]?.first { $0.name == name }?.type
                ?? file.classes["stx.Product"]?.first { $0.name == name }?.type ?? "string"
            let types = file.luaTypes(type)
            let valid = ["item_type": "\"article\"", "parent": "1", "id": "9001"]  // values the binding accepts
            let sample = valid[name] ?? (types.contains("integer") ? "2" : types.contains("table") ? "{}" : "\"x\"")
            return "{\"\(name)\", \(sample)}"
        }
        return """
        local function kind(v) return math.type(v) or type(v) end
        local function probe(class, obj, names)
          for _, n in ipairs(names) do log("has|" .. class .. "|" .. n .. "|" .. kind(obj[n])) end
          for k, v in pairs(obj) do
            if type(k) == "string" then log("key|" .. class .. "|" .. k .. "|" .. kind(v)) end
          end
        end
        function on_basket(tx)
        \(calls("on_basket"))
          for k in pairs(_ENV) do log("global|" .. k) end
          for _, s in ipairs({\(samples.joined(separator: ", "))}) do
            local spec = { desc = "probe", priceOne = 1, tax = 7 }
            spec[s[1]] = s[2]
            local ok, err = pcall(tx.basket.add, tx.basket, spec)
            if ok then log("add|" .. s[1]); tx.basket:remove(err)
            elseif not tostring(err):find("unknown field", 1, true) then log("adderror|" .. s[1] .. "|" .. tostring(err)) end
          end
        end
        function on_receipt(tx, receipt)
        \(calls("on_receipt"))
        end
        """
    }

    static func observe() async throws -> Observations {
        let transaction = try TransactionFile.load(try fixturePath("probe-transaction.json"))
        let run = await CheckoutRules(CheckoutScript(source: probeScript())).run(transaction)
        let result = try #require(run.result, "the probe failed: \(run.failure?.description ?? "")")
        var seen = Observations()
        for line in run.log {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            switch parts.first {
            case "has": seen.has[parts[1], default: [:]][parts[2], default: []].insert(parts[3])
            case "key": seen.keys[parts[1], default: []].insert(parts[2])
            case "global": seen.globals.insert(parts[1])
            case "add": seen.addable.insert(parts[1])
            case "adderror": seen.addErrors.append(parts.dropFirst().joined(separator: ": "))
            default: break
            }
        }
        let inputs = [transaction.json, result.transaction.json]
        seen.transactionKeys = Set(inputs.flatMap { $0.objectValue?.keys ?? [] })
        seen.basketKeys = Set(inputs.flatMap { $0.objectValue?["basket"]?.objectValue?.keys ?? [] })
        return seen
    }

    /// Methods of the object model, from its Lua source (`function tx_methods.reject(…)`).
    static func modelMethods() -> [String: Set<String>] {
        let owners = ["tx": "stx.Transaction", "basket": "stx.Basket", "product": "stx.Product", "receipt": "stx.Receipt"]
        var methods: [String: Set<String>] = [:]
        for match in CheckoutModel.source.matches(of: /function ([a-z]+)_methods\.([a-z_]+)\(/) {
            if let owner = owners[String(match.1)] { methods[owner, default: []].insert(String(match.2)) }
        }
        return methods
    }

    @Test("every annotated field and method exists on the real objects, with a matching type")
    func annotatedNamesExist() async throws {
        let seen = try await Self.observe()
        for (className, _, _) in Self.instances.map({ ($0.className, $0.hook, $0.expression) }) {
            let observed = seen.has[className] ?? [:]
            for member in Self.file.classes[className] ?? [] {
                let types = (observed[member.name] ?? []).subtracting(["nil"])
                #expect(!types.isEmpty, "\(className).\(member.name) is annotated but no real object has it")
                let allowed = Self.file.luaTypes(member.type)
                #expect(types.isSubset(of: allowed), "\(className).\(member.name): annotated \(member.type), real \(types.sorted())")
            }
            for method in Self.file.methods[className] ?? [] {
                #expect(observed[method] == ["function"], "\(className):\(method) is annotated but is \(observed[method] ?? [])")
            }
        }
    }

    @Test("every name the real objects expose is annotated")
    func exposedNamesAreAnnotated() async throws {
        let seen = try await Self.observe()
        var exposed = seen.keys
        exposed["stx.Transaction", default: []].formUnion(seen.transactionKeys.union(["basket", "basket_info", "now"]))
        exposed["stx.Basket", default: []].formUnion(seen.basketKeys)
        for (className, methods) in Self.modelMethods() { exposed[className, default: []].formUnion(methods) }
        for (className, names) in exposed {
            let annotated = Set(Self.file.names(of: className))
            #expect(names.subtracting(annotated).isEmpty, "\(className) exposes \(names.subtracting(annotated).sorted()) without annotations")
        }
        #expect(Self.modelMethods()["stx.Transaction"] == ["reject"])
    }

    @Test("the globals a script gets beyond Lua's standard library are annotated, hooks too")
    func globals() async throws {
        let seen = try await Self.observe()
        let standard: Set<String> = [
            "_G", "_VERSION", "assert", "collectgarbage", "coroutine", "error", "getmetatable", "ipairs", "math",
            "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable",
            "string", "table", "tonumber", "tostring", "type", "utf8", "xpcall",
        ]
        let hooks: Set<String> = ["on_basket", "on_receipt"]  // the probe's own definitions
        let extra = seen.globals.subtracting(standard).subtracting(hooks)
        #expect(!extra.isEmpty)
        #expect(extra.isSubset(of: Self.file.globals), "not annotated: \(extra.subtracting(Self.file.globals).sorted())")
        #expect(Self.file.globals.subtracting(extra).subtracting(["on_basket", "on_topup", "on_receipt"]).isEmpty,
                "annotated but not real: \(Self.file.globals.subtracting(extra).sorted())")
    }

    @Test("the fields of tx.basket:add{} are exactly the ones the binding accepts")
    func newProductFields() async throws {
        let seen = try await Self.observe()
        let annotated = Set(Self.file.names(of: "stx.NewProduct")).subtracting(["desc", "priceOne", "tax"])
        #expect(seen.addErrors.isEmpty, "tx.basket:add failed for a valid value: \(seen.addErrors)")
        #expect(seen.addable == annotated)
    }

    @Test("the annotations cover every field and method of design.md §3")
    func designCoverage() {
        let design: [String: [String]] = [
            "stx.Transaction": ["id", "status", "intent", "merchantRef", "transactionRef", "payment_method", "is_demo",
                                "merchant", "basket", "basket_info", "idents", "now", "reject"],
            "stx.Merchant": ["id", "companyname"],
            "stx.Basket": ["products", "add", "remove", "total", "discount"],
            "stx.Product": ["id", "parent", "articleNumber", "ean", "desc", "quantity", "priceOne", "tax", "group",
                            "item_type", "serialNumber", "reference_id", "contract_id", "total", "is_topup"],
            "stx.ProductGroup": ["id", "desc", "level"],
            "stx.NewProduct": ["desc", "priceOne", "tax", "quantity", "item_type", "id"],
            "stx.DiscountSpec": ["label", "percent", "amount", "lines"],
            "stx.BasketInfo": ["sum", "currency", "gratuity"],
            "stx.Ident": ["value", "valid", "merchantcard"],
            "stx.MerchantCard": ["balance", "cash_balance", "bonus_balance", "points", "lock_status"],
            "stx.ReceiptLine": ["type", "value"],
            "stx.Receipt": ["separator", "textline", "name_value", "space", "insert", "remove"],
            "stx.Money": ["format", "percent", "allocate"],
        ]
        for (className, names) in design {
            let missing = Set(names).subtracting(Self.file.names(of: className))
            #expect(missing.isEmpty, "\(className) lacks \(missing.sorted())")
        }
        #expect(Self.file.globals.isSuperset(of: ["money", "log", "explain", "on_basket", "on_topup", "on_receipt"]))
        #expect(Self.file.luaTypes("stx.PaymentMethod") == ["string"])
    }

    @Test("the file is Lua; every function's @param names match its parameters")
    func wellFormed() throws {
        let sandbox = try LuaSandbox()
        _ = try sandbox.compile(LuaAnnotations.source, chunkName: "stx.lua")
        for function in Self.file.functions {
            #expect(function.parameters == function.annotatedParameters, "\(function.name): \(function.parameters) vs \(function.annotatedParameters)")
        }
        #expect(LuaAnnotations.luarc.contains("\"workspace.library\": [\"lua-types\"]"))
        #expect(LuaAnnotations.fileName.hasPrefix("lua-types/"))
    }
}
