-- 3 for 2 on Franzbrötchen (EAN 4006381333979): every third one is free.
-- The free pieces become one coupon line at the article's VAT rate.

local EAN = "4006381333979"

function on_basket(tx)
  local count, lines = 0, {}
  for _, p in ipairs(tx.basket.products) do
    if p.ean == EAN then
      count = count + p.quantity
      lines[#lines + 1] = p
    end
  end
  local free = count // 3
  if free == 0 then
    explain("3 für 2 Franzbrötchen", ("%d in the basket, 3 needed"):format(count))
    return
  end
  -- the cheapest price among the matching lines, so mixed prices never over-discount
  local cheapest = lines[1].priceOne
  for _, p in ipairs(lines) do cheapest = math.min(cheapest, p.priceOne) end
  tx.basket:discount{ label = "3 für 2 Franzbrötchen", amount = free * cheapest, lines = lines }
end
