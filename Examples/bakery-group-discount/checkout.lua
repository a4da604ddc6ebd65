-- Bakery: 10 % off everything in the article group "Backwaren" (bread and rolls).
-- Coffee and other drinks keep their price; the discount is split per VAT rate.

local GROUP = "Backwaren"
local PERCENT = 10

local function in_group(p, name)
  for _, g in ipairs(p.group or {}) do
    if g.desc == name then return true end
  end
  return false
end

function on_basket(tx)
  local lines = {}
  for _, p in ipairs(tx.basket.products) do
    if in_group(p, GROUP) then lines[#lines + 1] = p end
  end
  if #lines == 0 then
    explain("Backwaren -10 %", "no products of the group " .. GROUP .. " in the basket")
    return
  end
  tx.basket:discount{ label = "Backwaren -10 %", percent = PERCENT, lines = lines }
end
