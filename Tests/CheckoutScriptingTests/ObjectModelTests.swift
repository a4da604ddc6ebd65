import CheckoutScripting
import SmartTransactions
import Testing

@Suite("The transaction as Lua objects (design.md §3)")
struct ObjectModelTests {
    @Test("tx exposes the API's fields by their JSON names, and tx.now is the run's input")
    func readsFields() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              log(tx.id, tx.status, tx.intent, tx.payment_method, tostring(tx.is_demo), tx.merchant.companyname, tx.now)
              log(tx.basket_info.currency, tx.basket_info.sum, #tx.idents, tx.idents[1].merchantcard.balance)
            end
            """)
        #expect(prepared.log == [
            "STX_TEST1\tcreated\tsale\tcash\ttrue\tJohn's Bakery\t\(testNow)",
            "EUR\t3200\t1\t352",
        ])
    }

    @Test("products are a sequence: #, ipairs, fields, p:total() and p:is_topup()")
    func productsSequence() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              log(#tx.basket.products)
              for i, p in ipairs(tx.basket.products) do
                log(i, p.id, p.desc, p.quantity, p.priceOne, p.tax, p:total(), tostring(p:is_topup()), p.group[1] and p.group[1].desc or "-")
              end
              log(tx.basket:total())
            end
            """)
        #expect(prepared.log == [
            "3",
            "1\t1\tBrot\t2\t350\t7\t700\tfalse\tBackwaren",
            "2\t2\tKaffee\t1\t1000\t19\t1000\tfalse\t-",
            "3\t3\tKartenaufladung\t1\t1500\t7\t1500\ttrue\t-",
            "3200",
        ])
    }

    @Test("writable product fields change the transaction; everything else of the product is kept")
    func writesProductFields() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              local p = tx.basket.products[1]
              p.desc = "Roggenbrot"; p.quantity = 3; p.priceOne = 400.0; p.tax = 19
            end
            """)
        let bread = try #require(prepared.products.first)
        #expect(bread.desc == "Roggenbrot" && bread.quantity == 3 && bread.priceOne == 400 && bread.tax == 19)
        #expect(prepared.sum == 1200 + 1000 + 1500)
        let json = try #require(prepared.transaction.json.objectValueForTests?["basket"])
        #expect("\(json)".contains("unknown_field"))
        #expect(prepared.transaction.json.objectValueForTests?["custom_key"] == bakeryObject["custom_key"])
    }

    @Test("a float where cents or a quantity belong is an error naming the field, the product and the line")
    func floatsAreRejected() {
        let failure = failure("""
            function on_basket(tx)
              local p = tx.basket.products[1]
              p.priceOne = p.priceOne / 3
            end
            """)
        let message = failure?.scriptMessage ?? ""
        #expect(message.hasPrefix("checkout.lua:3: priceOne of product 1 (\"Brot\") must be a whole number of cents"))
        if case .script(let hook, _, _)? = failure?.error { #expect(hook == "on_basket") } else { Issue.record("not a script error") }
    }

    @Test("read-only fields refuse writes with the script line", arguments: [
        ("tx.basket.products[1].id = 7", "id is read-only on product 1"),
        ("tx.basket.products[1].ean = '1'", "ean is read-only"),
        ("tx.basket.products[1].group[1].desc = 'x'", "is read-only"),
        ("tx.idents[1].merchantcard.balance = 1", "is read-only"),
        ("tx.basket_info.sum = 1", "basket_info.sum is read-only"),
        ("tx.basket_info.currency = 'USD'", "basket_info.currency is read-only"),
        ("tx.status = 'ok'", "tx.status is read-only"),
        ("tx.basket.products[4] = {}", "managed by tx.basket:add"),
        ("tx.payment_method = 'bitcoin'", "payment_method must be one of"),
        ("tx.merchantRef = 5", "merchantRef must be a string"),
    ])
    func readOnly(statement: String, expected: String) {
        expectLineTwoError(statement, contains: expected)
    }

    @Test("invalid values are refused when written", arguments: [
        ("quantity = 0", "quantity of product 1 (\"Brot\") must be at least 1"),
        ("priceOne = -5", "must not be negative"),
        ("tax = 101", "tax of product 1 (\"Brot\") must be a whole percent from 0 to 100"),
        ("desc = ''", "desc of product 1 (\"Brot\") must be a non-empty string"),
        ("quantity = '2'", "quantity of product 1 (\"Brot\") must be an integer, got string"),
        ("priceOne = 1e300", "must be a whole number of cents"),
    ])
    func invalidValues(assignment: String, expected: String) {
        expectLineTwoError("tx.basket.products[1].\(assignment)", contains: expected)
    }

    @Test("merchantRef, transactionRef and payment_method are writable before the API call")
    func writesTransactionFields() throws {
        let prepared = try prepare("""
            function on_basket(tx) tx.merchantRef = "POS-7"; tx.transactionRef = "Bon 42"; tx.payment_method = "loyalty" end
            """)
        let object = prepared.transaction.json.objectValueForTests
        #expect(object?["merchantRef"] == .string("POS-7"))
        #expect(object?["transactionRef"] == .string("Bon 42"))
        #expect(prepared.paymentMethod == "loyalty")
    }

    @Test("basket:add appends a product with defaults and the next free id")
    func addsProducts() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              local p = tx.basket:add{ desc = "Tüte", priceOne = 10, tax = 19 }
              log(p.id, p.quantity, p.item_type, #tx.basket.products, tx.basket_info.sum)
            end
            """)
        #expect(prepared.log == ["4\t1\tarticle\t4\t3210"])
        let bag = try #require(prepared.products.last)
        #expect(bag.id == 4 && bag.desc == "Tüte" && bag.priceOne == 10 && bag.tax == 19 && bag.quantity == 1)
        #expect(prepared.sum == 3210)
    }

    @Test("basket:add refuses incomplete or ill-typed products", arguments: [
        ("{ desc = 'x', tax = 7 }", "priceOne (integer cents) is required"),
        ("{ desc = 'x', priceOne = 1 }", "tax (integer percent) is required"),
        ("{ priceOne = 1, tax = 7 }", "desc is required"),
        ("{ desc = 'x', priceOne = 1.5, tax = 7 }", "must be a whole number of cents"),
        ("{ desc = 'x', priceOne = -1, tax = 7 }", "must not be negative"),
        ("{ desc = 'x', priceOne = 1, tax = 7, colour = 'red' }", "unknown field colour"),
        ("'coffee'", "tx.basket:add expects a table"),
    ])
    func addValidation(spec: String, expected: String) {
        expectLineTwoError("tx.basket:add\(spec.hasPrefix("{") ? spec : "(\(spec))")", contains: expected)
    }

    @Test("basket:remove takes a product out; writing to it afterwards is an error")
    func removesProducts() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              local coffee = tx.basket.products[2]
              tx.basket:remove(coffee)
              log(#tx.basket.products, tx.basket_info.sum)
              local ok, err = pcall(function() coffee.quantity = 2 end)
              log(tostring(ok), err)
            end
            """)
        #expect(prepared.products.map(\.id) == [1, 3])
        #expect(prepared.sum == 2200)
        #expect(prepared.log.first == "2\t2200")
        #expect(prepared.log.last?.contains("was removed from the basket") == true)
    }

    @Test("on_topup runs only when the basket holds a top-up line, after on_basket")
    func topupHookOrder() throws {
        let script = """
            function on_basket(tx) log("basket") end
            function on_topup(tx) log("topup") end
            """
        #expect(try prepare(script).log == ["basket", "topup"])
        let noTopup = bakeryJSON.replacingOccurrences(of: "4260447149502", with: "4000000000000")
        #expect(try prepare(script, json: noTopup).log == ["basket"])
    }

    @Test("the host's metatables are protected and rawset cannot bypass the rules")
    func metatablesProtected() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              log(getmetatable(tx), getmetatable(tx.basket.products[1]), getmetatable(tx.basket))
              log(tostring(pcall(setmetatable, tx, {})))
              log(tostring(pcall(rawset, tx.basket.products[1], "priceOne", 1)))
            end
            """)
        #expect(prepared.log[0] == "stx: transaction\tstx: product\tstx: basket")
        #expect(prepared.log[1].hasPrefix("false"))
        #expect(prepared.log[2].hasPrefix("false"))
        #expect(prepared.products.first?.priceOne == 350)
    }

    @Test("pairs over a product lists its fields without exposing the host's table")
    func pairsOverProduct() throws {
        let prepared = try prepare("""
            function on_basket(tx)
              local keys = {}
              for k, v in pairs(tx.basket.products[2]) do keys[#keys + 1] = k end
              table.sort(keys)
              log(table.concat(keys, ","))
            end
            """)
        // JSON nulls (parent) are absent in Lua, as Lua has no null.
        #expect(prepared.log == ["articleNumber,desc,ean,group,id,item_type,priceOne,quantity,tax"])
    }
}

let bakeryObject: JSONObject = {
    guard case .object(let object)? = try? JSON.parse(bakeryJSON) else { return JSONObject() }
    return object
}()

extension JSONValue {
    var objectValueForTests: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}
