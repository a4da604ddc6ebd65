import CheckoutScripting
import Foundation
import STXTestingCore

/// Rules close to a merchant's: 10 % off the group "Backwaren" (line 6 of the script), top-ups
/// only from 5,00 EUR, and a receipt footer.
let bakeryScript = """
local function in_group(p, name)
  for _, g in ipairs(p.group or {}) do if g.desc == name then return true end end
  return false
end
function on_basket(tx)
  tx.basket:discount{ label = "Backwaren -10 %", percent = 10, lines = function(p) return in_group(p, "Backwaren") end }
end
function on_topup(tx)
  for _, p in ipairs(tx.basket.products) do
    if p:is_topup() and p:total() < 500 then tx:reject("Aufladung erst ab " .. money.format(500)) end
  end
end
function on_receipt(tx, receipt)
  receipt:separator("Vielen Dank!")
  receipt:textline("Bis bald", "align-center")
end
"""

let bakeryRules = CheckoutRules(CheckoutScript(source: bakeryScript))

/// Bread and rolls at 7 % in the group "Backwaren", coffee at 19 %: 10 % of 6,95 EUR is 0,70 EUR.
let breakfast = TransactionBuilder()
    .product("Roggenbrot 750 g", priceOne: 425, tax: 7, group: "Backwaren")
    .product("Brötchen", priceOne: 45, quantity: 6, tax: 7, group: "Backwaren")
    .product("Kaffee to go", priceOne: 290, quantity: 2, tax: 19)

/// The lines `breakfast` checks out with under `bakeryRules`.
let breakfastLines = [
    BasketLine("Roggenbrot 750 g", priceOne: 425, tax: 7),
    BasketLine("Brötchen", quantity: 6, priceOne: 45, tax: 7),
    BasketLine("Kaffee to go", quantity: 2, priceOne: 290, tax: 19),
    BasketLine.coupon("Backwaren -10 %", priceOne: -70, tax: 7),
]

/// A new empty folder in the temporary directory.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stx-testing-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes `text` to `name` in `folder` and returns the path.
@discardableResult
func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let file = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file.path
}

/// The path of a fixture copied into the test bundle.
func fixturePath(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name)"])
    }
    return url.path
}
