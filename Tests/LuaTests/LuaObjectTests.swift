import Lua
import Testing

/// Swift objects as userdata: property and method dispatch, protection, lifetime.
@Suite struct LuaObjectTests {
    final class Product {
        var desc: String
        var priceOne: Int
        let id: Int

        init(id: Int, desc: String, priceOne: Int) {
            self.id = id
            self.desc = desc
            self.priceOne = priceOne
        }
    }

    final class Tracked {
        let onDeinit: () -> Void
        init(onDeinit: @escaping () -> Void) { self.onDeinit = onDeinit }
        deinit { onDeinit() }
    }

    static var productClass: LuaObjectClass<Product> {
        LuaObjectClass<Product>(name: "Product")
        .property("id", get: { .integer($0.id) })
        .property("desc", get: { .string(LuaString($0.desc)) }, set: { product, value throws(LuaCallbackError) in
            guard let text = value.stringValue, !text.isEmpty else { throw LuaCallbackError("desc must be a non-empty string") }
            product.desc = text
        })
        .property("priceOne", get: { .integer($0.priceOne) }, set: { product, value throws(LuaCallbackError) in
            guard let cents = value.integerValue else { throw LuaCallbackError("priceOne must be integer cents") }
            product.priceOne = cents
        })
        .method("total") { product, arguments throws(LuaCallbackError) in
            let quantity = arguments.first?.integerValue ?? 1
            return [.integer(product.priceOne * quantity)]
        }
    }

    func sandbox(with product: Product) throws(LuaError) -> LuaSandbox {
        let sandbox = try LuaSandbox()
        sandbox.setGlobal("p", object: product, as: Self.productClass)
        return sandbox
    }

    func run(_ sandbox: LuaSandbox, _ source: String) throws(LuaError) -> [LuaValue] {
        try sandbox.run(sandbox.compile(source, chunkName: "checkout.lua"))
    }

    @Test func propertiesAndMethodsDispatchToSwift() throws {
        let product = Product(id: 7, desc: "Coffee", priceOne: 250)
        let sandbox = try sandbox(with: product)
        let results = try run(sandbox, """
            p.priceOne = p.priceOne - 50
            p.desc = p.desc .. " (promo)"
            return p.id, p:total(3), p.priceOne
            """)
        #expect(results == [7, 600, 200])
        #expect(product.priceOne == 200)
        #expect(product.desc == "Coffee (promo)")
    }

    @Test func setterErrorsAreScriptErrorsWithTheLine() throws {
        let sandbox = try sandbox(with: Product(id: 1, desc: "Tea", priceOne: 100))
        #expect(throws: LuaError.self) { try run(sandbox, "p.priceOne = 1.5") }
        do {
            _ = try run(sandbox, "\np.priceOne = 1.5")
        } catch {
            guard case .runtime(let message, _) = error else { Issue.record("got \(error)"); return }
            #expect(message == "checkout.lua:2: priceOne must be integer cents")
        }
    }

    @Test func unknownAndReadOnlyFieldsAreErrors() throws {
        let sandbox = try sandbox(with: Product(id: 1, desc: "Tea", priceOne: 100))
        #expect(throws: LuaError.self) { try run(sandbox, "p.id = 2") }
        #expect(throws: LuaError.self) { try run(sandbox, "return p.nothing") }
        #expect(throws: LuaError.self) { try run(sandbox, "p.total = 1") }
        let messages = try run(sandbox, """
            local _, a = pcall(function() p.id = 2 end)
            local _, b = pcall(function() return p.nothing end)
            local _, c = pcall(function() return p.total() end)
            return a, b, c
            """)
        #expect(messages == [
            "checkout.lua:1: field 'id' of Product is read-only",
            "checkout.lua:2: Product has no field 'nothing'",
            "checkout.lua:3: bad self for 'total': call it as product:total(...)",
        ])
    }

    @Test func theMetatableIsProtected() throws {
        let sandbox = try sandbox(with: Product(id: 1, desc: "Tea", priceOne: 100))
        #expect(try run(sandbox, "return getmetatable(p), type(p), tostring(p):match('^Product')") == [false, "userdata", "Product"])
        #expect(throws: LuaError.self) { try run(sandbox, "setmetatable(p, {})") }
        #expect(throws: LuaError.self) { try run(sandbox, "getmetatable(p).__index = nil") }
    }

    @Test func objectsAreReleasedWhenLuaNoLongerReachesThem() throws {
        var released = false
        let trackedClass = LuaObjectClass<Tracked>(name: "Tracked")
        let sandbox = try LuaSandbox()
        do {
            let tracked = Tracked { released = true }
            sandbox.setGlobal("t", object: tracked, as: trackedClass)
        }
        #expect(!released)
        sandbox.reset(randomSeed: 0)
        #expect(released)
    }

    @Test func objectsAreReleasedWhenTheSandboxCloses() throws {
        var released = false
        do {
            let sandbox = try LuaSandbox()
            sandbox.setGlobal("t", object: Tracked { released = true }, as: LuaObjectClass<Tracked>(name: "Tracked"))
            #expect(!released)
        }
        #expect(released)
    }
}
