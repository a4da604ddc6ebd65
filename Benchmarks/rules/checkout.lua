-- The benchmark's rule set as an stx checkout script (issue 7). Benchmarks/pure/rules.lua does
-- the same work on plain tables, without a host.
--   1. 10 % off the article group "Backwaren" (a percentage discount by group);
--   2. 3 for 2 on Franzbrötchen (EAN 4006381333979): the free pieces at the cheapest price;
--   3. from 25,00 EUR (after 1 and 2): 5,00 EUR off, allocated over the lines' VAT rates;
--   4. a receipt footer: what the customer saved, the card balance, a greeting.

local GROUP, GROUP_PERCENT = "Backwaren", 10
local EAN_3FOR2 = "4006381333979"
local THRESHOLD, THRESHOLD_AMOUNT = 2500, 500

local function in_group(p, name)
  for _, g in ipairs(p.group) do
    if g.desc == name then return true end
  end
  return false
end

function on_basket(tx)
  local basket = tx.basket
  local group_lines, free_lines = {}, {}
  local count, cheapest = 0, math.maxinteger
  for _, p in ipairs(basket.products) do
    if in_group(p, GROUP) then group_lines[#group_lines + 1] = p end
    if p.ean == EAN_3FOR2 then
      free_lines[#free_lines + 1] = p
      count = count + p.quantity
      if p.priceOne < cheapest then cheapest = p.priceOne end
    end
  end
  if #group_lines > 0 then
    basket:discount{ label = "Backwaren -10 %", percent = GROUP_PERCENT, lines = group_lines }
  else
    explain("Backwaren -10 %", "no products of the group " .. GROUP)
  end
  local free = count // 3
  if free > 0 then
    basket:discount{ label = "3 für 2 Franzbrötchen", amount = free * cheapest, lines = free_lines }
  else
    explain("3 für 2 Franzbrötchen", count .. " in the basket, 3 needed")
  end
  if basket:total() >= THRESHOLD then
    basket:discount{ label = "ab 25 EUR: 5 EUR Rabatt", amount = THRESHOLD_AMOUNT }
  else
    explain("ab 25 EUR: 5 EUR Rabatt", "the basket is below " .. money.format(THRESHOLD))
  end
end

function on_receipt(tx, receipt)
  local saved = 0
  for _, p in ipairs(tx.basket.products) do
    if p.item_type == "coupon" then saved = saved - p:total() end
  end
  receipt:separator("Vielen Dank!")
  receipt:textline("Sie haben heute " .. money.format(saved) .. " gespart", "important", "align-center")
  for _, ident in ipairs(tx.idents) do
    local card = ident.merchantcard
    if card then receipt:name_value("Kartenguthaben", money.format(card.balance)) end
  end
  receipt:space()
  receipt:textline("Bis bald in John's Bakery", "align-center")
end
