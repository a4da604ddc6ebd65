-- The benchmark's rule set on plain Lua tables, with no host at all: the physical limit that
-- stx is measured against (issue 7). It does the work of Benchmarks/rules/checkout.lua plus what
-- stx's object model does for it: build the basket tables, the discount maths (eligible lines,
-- totals per VAT rate, half-up percentages, largest-remainder allocation, coupon lines with the
-- next free id) and the receipt footer. It does not do what only the host does: invariant checks
-- on every write, checked (overflow-safe) arithmetic, the audit trail, read-only views,
-- validation, JSON, the payment.
local M = {}

local TOPUP_EAN = "4260447149502"
local EAN_3FOR2 = "4006381333979"
local GROUP, GROUP_PERCENT = "Backwaren", 10
local THRESHOLD, THRESHOLD_AMOUNT = 2500, 500

local sformat, tsort = string.format, table.sort

--- The basket of `n` products as source records (the decoded transaction), built once per size.
--- Products i = 1..n cycle through four kinds; Benchmarks/STXBench/BasketGenerator.swift
--- generates the same products as JSON.
function M.source(n)
  local groups = {
    Backwaren = { id = "G1", desc = "Backwaren", level = 1 },
    ["Getränke"] = { id = "G2", desc = "Getränke", level = 1 },
    ["Non-Food"] = { id = "G3", desc = "Non-Food", level = 1 },
  }
  local products = {}
  for i = 1, n do
    local kind = i % 4
    local p = { id = i, item_type = "article", articleNumber = tostring(1000 + i) }
    if kind == 1 then
      p.ean, p.desc, p.quantity, p.priceOne, p.tax, p.group = EAN_3FOR2, "Franzbrötchen", 1 + i % 3, 160, 7, groups.Backwaren
    elseif kind == 2 then
      p.ean, p.desc, p.quantity, p.priceOne, p.tax, p.group = sformat("2%012d", i), "Brot " .. i, 1, 250 + i * 37 % 400, 7, groups.Backwaren
    elseif kind == 3 then
      p.ean, p.desc, p.quantity, p.priceOne, p.tax, p.group = sformat("2%012d", i), "Getränk " .. i, 1 + i % 2, 180 + i * 53 % 300, 19, groups["Getränke"]
    else
      p.ean, p.desc, p.quantity, p.priceOne, p.tax, p.group = sformat("2%012d", i), "Tragetasche " .. i, 1, 120 + i * 11 % 200, 19, groups["Non-Food"]
    end
    products[i] = p
  end
  local card = { object = "loyalty.merchantcards", id = "MCD_2RXTNXPRM2YG9922UMBHHAEWEGN6AJ", points = 120, balance = 352 }
  return { products = products, card = card, currency = "EUR" }
end

--- Fresh plain tables for one checkout, copied from the source records.
local function build(source)
  local products = {}
  for i, s in ipairs(source.products) do
    local g = s.group
    products[i] = {
      id = s.id, item_type = s.item_type, articleNumber = s.articleNumber, ean = s.ean, desc = s.desc,
      quantity = s.quantity, priceOne = s.priceOne, tax = s.tax,
      group = { { id = g.id, desc = g.desc, level = g.level } },
    }
  end
  local c = source.card
  local idents = { { type = "card", valid = true,
    merchantcard = { object = c.object, id = c.id, points = c.points, balance = c.balance } } }
  return { products = products, idents = idents, currency = source.currency }
end

local function total(p)
  return p.priceOne * p.quantity
end

local function basket_total(tx)
  local sum = 0
  for _, p in ipairs(tx.products) do sum = sum + total(p) end
  return sum
end

local function next_free_id(tx)
  local max = 0
  for _, p in ipairs(tx.products) do
    if p.id > max then max = p.id end
  end
  return max + 1
end

local function percent_of(value, percent)
  return (value * percent + 50) // 100
end

--- Largest remainder; ties go to the earlier weight.
local function allocate(amount, weights)
  local sum = 0
  for i = 1, #weights do sum = sum + weights[i] end
  local shares, order, remainders, given = {}, {}, {}, 0
  for i = 1, #weights do
    local product = amount * weights[i]
    shares[i] = product // sum
    remainders[i] = product % sum
    given = given + shares[i]
    order[i] = i
  end
  tsort(order, function(a, b)
    if remainders[a] ~= remainders[b] then return remainders[a] > remainders[b] end
    return a < b
  end)
  for k = 1, amount - given do shares[order[k]] = shares[order[k]] + 1 end
  return shares
end

--- One coupon line per VAT rate of `lines` (all lines when nil), split by their totals.
local function discount(tx, label, percent, amount, lines)
  lines = lines or tx.products
  local rates, totals, base = {}, {}, 0
  for _, p in ipairs(lines) do
    if p.ean ~= TOPUP_EAN and p.item_type ~= "coupon" then
      local rate = p.tax
      if totals[rate] == nil then rates[#rates + 1] = rate; totals[rate] = 0 end
      local t = total(p)
      totals[rate] = totals[rate] + t
      base = base + t
    end
  end
  if percent then amount = percent_of(base, percent) end
  if amount > base then error("discount " .. label .. " is larger than its base") end
  if amount == 0 then return end
  local weights = {}
  for i, rate in ipairs(rates) do weights[i] = totals[rate] end
  local shares = allocate(amount, weights)
  for i, rate in ipairs(rates) do
    if shares[i] > 0 then
      tx.products[#tx.products + 1] = { id = next_free_id(tx), desc = label, quantity = 1,
        priceOne = -shares[i], tax = rate, item_type = "coupon", group = {} }
    end
  end
end

local function format_money(cents, currency)
  local sign = cents < 0 and "-" or ""
  local a = cents < 0 and -cents or cents
  local units, rest = tostring(a // 100), sformat("%02d", a % 100)
  local grouped = units:reverse():gsub("(%d%d%d)", "%1."):reverse()
  if grouped:sub(1, 1) == "." then grouped = grouped:sub(2) end
  return sign .. grouped .. "," .. rest .. " " .. (currency or "EUR")
end

local function in_group(p, name)
  for _, g in ipairs(p.group) do
    if g.desc == name then return true end
  end
  return false
end

local function on_basket(tx)
  local group_lines, free_lines = {}, {}
  local count, cheapest = 0, math.maxinteger
  for _, p in ipairs(tx.products) do
    if in_group(p, GROUP) then group_lines[#group_lines + 1] = p end
    if p.ean == EAN_3FOR2 then
      free_lines[#free_lines + 1] = p
      count = count + p.quantity
      if p.priceOne < cheapest then cheapest = p.priceOne end
    end
  end
  if #group_lines > 0 then discount(tx, "Backwaren -10 %", GROUP_PERCENT, nil, group_lines) end
  local free = count // 3
  if free > 0 then discount(tx, "3 für 2 Franzbrötchen", nil, free * cheapest, free_lines) end
  if basket_total(tx) >= THRESHOLD then discount(tx, "ab 25 EUR: 5 EUR Rabatt", nil, THRESHOLD_AMOUNT, nil) end
end

local function on_receipt(tx, receipt)
  local saved = 0
  for _, p in ipairs(tx.products) do
    if p.item_type == "coupon" then saved = saved - total(p) end
  end
  receipt[#receipt + 1] = { type = "separator", value = { caption = "Vielen Dank!" } }
  receipt[#receipt + 1] = { type = "textline", value = {
    text = "Sie haben heute " .. format_money(saved, tx.currency) .. " gespart", decoration = { "important", "align-center" } } }
  for _, ident in ipairs(tx.idents) do
    local card = ident.merchantcard
    if card then
      receipt[#receipt + 1] = { type = "name-value", value = {
        name = "Kartenguthaben", value = format_money(card.balance, tx.currency), decoration = {} } }
    end
  end
  receipt[#receipt + 1] = { type = "space" }
  receipt[#receipt + 1] = { type = "textline", value = { text = "Bis bald in John's Bakery", decoration = { "align-center" } } }
end

--- One checkout: fresh tables, the rules, the footer. Returns the basket and the footer lines.
function M.checkout(source)
  local tx = build(source)
  on_basket(tx)
  local receipt = {}
  on_receipt(tx, receipt)
  return tx, receipt
end

--- A line that stx-bench compares with stx's result: the sum, the coupons, the footer texts.
function M.summary(tx, receipt)
  local coupons, texts = {}, {}
  for _, p in ipairs(tx.products) do
    if p.item_type == "coupon" then coupons[#coupons + 1] = sformat("%d:%s:%d:%d", p.id, p.desc, p.tax, p.priceOne) end
  end
  for _, line in ipairs(receipt) do
    local v = line.value or {}
    texts[#texts + 1] = line.type .. "=" .. (v.caption or v.text or ((v.name or "") .. (v.value or "")))
  end
  return sformat("sum=%d coupons=%s footer=%s", basket_total(tx), table.concat(coupons, ","), table.concat(texts, "|"))
end

return M
