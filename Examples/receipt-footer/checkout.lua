-- Receipt footer: what the customer saved today and, for loyalty customers, the card balance.
-- The API's receipt lines are fiscal content: this script only appends below them.

local saved = 0

function on_basket(tx)
  tx.basket:discount{ label = "Stammkunden -5 %", percent = 5,
    lines = function(p) return p.tax == 7 end }
end

function on_receipt(tx, receipt)
  for _, p in ipairs(tx.basket.products) do
    if p.item_type == "coupon" then saved = saved - p:total() end
  end
  receipt:separator("Vielen Dank!")
  if saved > 0 then
    receipt:textline("Sie haben heute " .. money.format(saved) .. " gespart", "important", "align-center")
  end
  for _, ident in ipairs(tx.idents) do
    local card = ident.merchantcard
    if card then
      receipt:name_value("Kartenguthaben", money.format(card.balance))
      receipt:name_value("Bonuspunkte", tostring(card.points))
    end
  end
  receipt:space()
  receipt:textline("Bis bald in John's Bakery", "align-center")
end
