import Lua
import SmartTransactions

/// Merges what the pre-API hooks exported back into the transaction's JSON, losslessly: products
/// that came from the API keep every key and only their writable fields change; new lines get
/// the API's product shape; `basket_info.sum` is recomputed in checked integer cents.
enum TransactionMerger {
    /// The product fields a script may change.
    static let writableProductFields = ["desc", "quantity", "priceOne", "tax"]
    /// Fields of a product the script added, in the API's key order.
    static let addedProductFields = [
        "id", "parent", "articleNumber", "ean", "desc", "quantity", "priceOne", "tax", "group",
        "serialNumber", "item_type", "reference_id", "contract_id",
    ]

    /// The transaction after the hooks.
    /// - Parameters:
    ///   - export: The table `export()` of the checkout model returned.
    ///   - original: The transaction the hooks started from.
    /// - Throws: `CheckoutError.script` when the basket sum overflows, `.invalidInput` when the
    ///   result is not a valid transaction.
    static func merge(_ export: LuaValue, into original: SmartTransaction) throws(CheckoutError) -> SmartTransaction {
        guard case .object(var root) = original.json else {
            throw .invalidInput("the transaction is not a JSON object")
        }
        let originalProducts = originalProductObjects(root)
        var products: [JSONValue] = []
        var totals: [Int] = []
        for (index, exported) in export[field: "products"].items.enumerated() {
            let (product, unchanged) = mergedProduct(exported, originals: originalProducts)
            if !unchanged { try validate(product, at: index) }
            products.append(.object(product))
            totals.append(try lineTotal(product))
        }
        let sum: Int
        do { sum = try Money.sum(totals) } catch {
            throw .script(hook: "on_basket", message: "the basket sum overflows: \(error)", traceback: "")
        }
        var basket = root["basket"].flatMap(\.objectValue) ?? JSONObject()
        basket["products"] = .array(products)
        root["basket"] = .object(basket)
        var info = root["basket_info"].flatMap(\.objectValue) ?? JSONObject()
        info["sum"] = .int(sum)
        root["basket_info"] = .object(info)
        applyFields(export[field: "fields"], to: &root)
        // The original was valid; of its members only these and the changed products are new.
        do { try SmartTransaction.validateMembers(["basket_info"] + changeableFields, of: root) } catch {
            throw invalidResult(error)
        }
        return SmartTransaction(membersValidated: root)
    }

    /// Validates a product that a hook added or changed, with its path in the transaction.
    private static func validate(_ product: JSONObject, at index: Int) throws(CheckoutError) {
        do { _ = try BasketProduct(json: .object(product), at: "$.basket.products[\(index)]") } catch {
            throw invalidResult(error)
        }
    }

    private static func invalidResult(_ error: JSONDecodingError) -> CheckoutError {
        .script(hook: "after the hooks", message: "the hooks produced an invalid transaction: \(error)", traceback: "")
    }

    private static func originalProductObjects(_ root: JSONObject) -> [JSONObject] {
        guard case .array(let items)? = root["basket"].flatMap(\.objectValue)?["products"] else { return [] }
        return items.map { $0.objectValue ?? JSONObject() }
    }

    /// The product's JSON object, and whether it is the original's object unchanged.
    private static func mergedProduct(_ exported: LuaValue, originals: [JSONObject]) -> (JSONObject, Bool) {
        if let unchanged = exported.integerValue, originals.indices.contains(unchanged - 1) {
            return (originals[unchanged - 1], true)  // no hook changed it: the API's object as it was
        }
        let fields = exported[field: "fields"]
        if let origin = exported[field: "origin"].integerValue, originals.indices.contains(origin - 1) {
            var product = originals[origin - 1]
            for field in writableProductFields { product[field] = LuaBridge.json(fields[field: field]) }
            return (product, false)
        }
        var product = JSONObject()
        for field in addedProductFields {
            let value = fields[field: field]
            if field == "group" {
                product[field] = .array(value.items.map(LuaBridge.json))
            } else if value != .nil || field == "parent" {
                product[field] = LuaBridge.json(value)
            }
        }
        return (product, false)
    }

    private static func lineTotal(_ product: JSONObject) throws(CheckoutError) -> Int {
        guard case .int(let price)? = product["priceOne"], case .int(let quantity)? = product["quantity"] else {
            throw .script(hook: "on_basket", message: "a product lost its integer priceOne or quantity", traceback: "")
        }
        do { return try Money.multiply(price, by: quantity) } catch {
            throw .script(hook: "on_basket", message: "a line total overflows: \(error)", traceback: "")
        }
    }

    /// The transaction's own fields a script may change.
    private static let changeableFields = ["merchantRef", "transactionRef", "payment_method"]

    private static func applyFields(_ fields: LuaValue, to root: inout JSONObject) {
        for key in changeableFields {
            let value = LuaBridge.json(fields[field: key])
            if value != .null || root[key] != nil { root[key] = value }
        }
    }
}

extension JSONValue {
    /// The object, if this value is one.
    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}
