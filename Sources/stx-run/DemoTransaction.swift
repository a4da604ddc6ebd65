import SmartTransactions

/// The transaction `stx-run` uses without `--transaction`: a small bakery basket at 7 % and
/// 19 % VAT, paid in cash, with a loyalty card.
enum DemoTransaction {
    static let json = #"""
    {
      "object": "smart.transactions",
      "merchant": { "object": "general.merchants", "id": "MRC_35SZ3R5GGQQP4T0U2T5GFAN9P6C4PG", "companyname": "John's Bakery" },
      "intent": "sale",
      "is_demo": true,
      "payment_method": "cash",
      "merchantRef": "DEMO-1",
      "basket": {
        "type": "default",
        "texts": [],
        "products": [
          { "id": 1, "parent": null, "item_type": "article", "articleNumber": "1001", "ean": "4006381333931", "desc": "Roggenbrot 750 g", "quantity": 1, "priceOne": 425, "tax": 7, "group": [ { "id": "G1", "desc": "Backwaren", "level": 1 } ] },
          { "id": 2, "parent": null, "item_type": "article", "articleNumber": "1002", "ean": "4006381333948", "desc": "Brötchen", "quantity": 6, "priceOne": 45, "tax": 7, "group": [ { "id": "G1", "desc": "Backwaren", "level": 1 } ] },
          { "id": 3, "parent": null, "item_type": "article", "articleNumber": "2001", "ean": "4006381333955", "desc": "Kaffee to go", "quantity": 2, "priceOne": 290, "tax": 19, "group": [ { "id": "G2", "desc": "Getränke", "level": 1 } ] }
        ]
      },
      "basket_info": { "sum": 1275, "gratuity": null, "currency": "EUR" },
      "idents": [
        {
          "object": "smart.idents", "id": "smi_1", "prefix": "9276", "name": "secucard Kundenkarte", "type": "card",
          "value": "9276004429942845", "valid": true,
          "merchantcard": {
            "object": "loyalty.merchantcards", "id": "MCD_2RXTNXPRM2YG9922UMBHHAEWEGN6AJ",
            "is_base_card": true, "points": 120, "cash_balance": 300, "bonus_balance": 52, "balance": 352,
            "stock_status": "active", "lock_status": "unlocked", "passcode": 0
          }
        }
      ]
    }
    """#

    /// The demo transaction, decoded.
    static func transaction() throws(JSONDecodingError) -> SmartTransaction {
        try SmartTransaction(json: JSON.parse(json))
    }
}
