-- Loyalty card top-up rules (on_topup runs only when the basket holds a load-card line):
--   * a load must be between 5,00 EUR and 200,00 EUR;
--   * the card balance may not exceed 250,00 EUR after the load;
--   * loads of 50,00 EUR or more get a 5 % bonus, loaded free of charge
--     (a bonus load line plus a coupon of the same amount).

local MIN_LOAD, MAX_LOAD = 500, 20000
local MAX_BALANCE = 25000
local BONUS_FROM, BONUS_PERCENT = 5000, 5

local function card_of(tx)
  for _, ident in ipairs(tx.idents) do
    if ident.valid and ident.merchantcard then return ident.merchantcard end
  end
end

function on_topup(tx)
  local load, topup = 0, nil
  for _, p in ipairs(tx.basket.products) do
    if p:is_topup() then
      load = load + p:total()
      topup = p
    end
  end
  if load < MIN_LOAD or load > MAX_LOAD then
    tx:reject(("Aufladung nur von %s bis %s möglich (%s)"):format(
      money.format(MIN_LOAD), money.format(MAX_LOAD), money.format(load)))
  end
  local card = card_of(tx)
  if card == nil then tx:reject("Aufladung nur mit gültiger Kundenkarte") end
  if card.lock_status == "locked" then tx:reject("Die Kundenkarte ist gesperrt") end
  if card.balance + load > MAX_BALANCE then
    tx:reject(("Guthaben darf %s nicht übersteigen (jetzt %s)"):format(
      money.format(MAX_BALANCE), money.format(card.balance)))
  end
  if load < BONUS_FROM then
    explain("Aufladebonus", ("load of %s is below %s"):format(money.format(load), money.format(BONUS_FROM)))
    return
  end
  local bonus = money.percent(load, BONUS_PERCENT)
  tx.basket:add{ desc = "Bonus-Aufladung " .. BONUS_PERCENT .. " %", ean = topup.ean, priceOne = bonus, tax = topup.tax }
  tx.basket:add{ desc = "Aufladebonus", item_type = "coupon", priceOne = -bonus, tax = topup.tax }
  log(("bonus of %s on a load of %s"):format(money.format(bonus), money.format(load)))
end
