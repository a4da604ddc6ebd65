import Lua

/// The checkout object model of design.md §3, written in Lua: trusted host code that the
/// sandbox loads once, with the full standard library, before it restricts the environment.
///
/// It wraps the transaction (plain tables converted from JSON) in proxies that enforce the
/// host's rules on every write and name the script line, implements the discount split, money
/// helpers and receipt methods, records the audit trail, and exports plain tables for
/// `TransactionMerger`. Being Lua, it runs at Lua's speed with no bridge crossing per field.
enum CheckoutModel {
    /// The host code handed to every checkout sandbox.
    static let hostCode = LuaHostCode(source: source, chunkName: "stx")
    /// The Swift function through which the model reports a stop; `install` hides it from scripts.
    static let stopFunction = "__stx_stop"

    static let source = #"""
-- stx checkout object model: trusted host code, loaded once per sandbox with the full standard
-- library (it keeps debug.getinfo as an upvalue), before the sandbox is restricted.
-- It turns the transaction (plain tables converted from JSON by the host) into the objects of
-- design.md §3, enforces the host's rules on every write, records the audit trail, and exports
-- plain tables for the host to merge back into the JSON it received.
local getinfo = debug.getinfo
local mtype, tointeger = math.type, math.tointeger
local maxinteger, mininteger = math.maxinteger, math.mininteger
local sformat, srep, sgsub, sfind = string.format, string.rep, string.gsub, string.find
local tinsert, tremove, tconcat = table.insert, table.remove, table.concat
local setmetatable, rawget, rawset, next, type, tostring, error, ipairs, pairs, select =
      setmetatable, rawget, rawset, next, type, tostring, error, ipairs, pairs, select

local HOST_SOURCE = "=stx"  -- the sandbox names chunks verbatim: "stx" has the source "=stx"
local TOPUP_EAN = "4260447149502"
local MAX_AUDIT = 10000
local MAX_RECEIPT_LINES = 500
local MAX_TEXT = 1000
local PAYMENT_METHODS = {
  cash = true, cashless = true, debit = true, invoice = true, loyalty = true,
  prepaid = true, cashless_direct = true, ccload = true,
}
local DECORATIONS = {
  important = true, ["align-left"] = true, ["align-center"] = true, ["align-right"] = true,
}

local H = {}            -- the host table returned to Swift
local script_env        -- the current run's global environment (set by install)
local state             -- the current checkout (set by begin/begin_receipt)
local host_objects = setmetatable({}, { __mode = "k" })  -- every proxy handed to a script

-- Errors ------------------------------------------------------------------------------------

--- "checkout.lua:12": the innermost frame that belongs to the script, or "?".
local function where()
  local level = 2
  while true do
    local info = getinfo(level, "Sl")
    if not info then return "?" end
    if info.what ~= "C" and info.source ~= HOST_SOURCE then
      return info.short_src .. ":" .. (info.currentline or 0)
    end
    level = level + 1
  end
end

--- Raises `message` located at the script's current line.
local function fail(message)
  error(where() .. ": " .. message, 0)
end

local function hook_name()
  return state and state.hook or "top level"
end

-- Checked integer arithmetic --------------------------------------------------------------------

local function overflow(what)
  fail("amount out of range: " .. what .. " overflows a 64-bit integer of cents")
end

local function add(a, b)
  local r = a + b
  if (b > 0 and r < a) or (b < 0 and r > a) then overflow(sformat("%d + %d", a, b)) end
  return r
end

local function mul(a, b)
  if a == 0 or b == 0 then return 0 end
  if a == 1 then return b elseif b == 1 then return a end
  if a == mininteger or b == mininteger then overflow(sformat("%d * %d", a, b)) end
  local ua, ub = a < 0 and -a or a, b < 0 and -b or b
  if ua > maxinteger // ub then overflow(sformat("%d * %d", a, b)) end
  return a * b
end

--- round_half_up(value * percent / 100), halves away from zero.
local function percent_of(value, percent)
  local negative = value < 0
  if negative then
    if value == mininteger then overflow("percent of " .. value) end
    value = -value
  end
  local r = add(mul(value, percent), 50) // 100
  return negative and -r or r
end

--- Splits `amount` over `weights` by the largest-remainder method; ties go to the earlier weight.
local function allocate(amount, weights)
  local total = 0
  for i = 1, #weights do total = add(total, weights[i]) end
  if total <= 0 then fail("money.allocate needs weights with a positive sum") end
  local negative = amount < 0
  if negative then
    if amount == mininteger then overflow("allocate " .. amount) end
    amount = -amount
  end
  local shares, order, remainders, given = {}, {}, {}, 0
  for i = 1, #weights do
    local product = mul(amount, weights[i])
    shares[i] = product // total
    remainders[i] = product % total
    given = given + shares[i]
    order[i] = i
  end
  table.sort(order, function(a, b)
    if remainders[a] ~= remainders[b] then return remainders[a] > remainders[b] end
    return a < b
  end)
  for k = 1, amount - given do shares[order[k]] = shares[order[k]] + 1 end
  if negative then for i = 1, #shares do shares[i] = -shares[i] end end
  return shares
end

--- "1.234,56 EUR"
local function format_money(cents, currency)
  local sign = cents < 0 and "-" or ""
  local units, rest
  if cents == mininteger then
    units, rest = "92233720368547758", "08"
  else
    local a = cents < 0 and -cents or cents
    units, rest = tostring(a // 100), sformat("%02d", a % 100)
  end
  local grouped = units:reverse():gsub("(%d%d%d)", "%1."):reverse()
  if grouped:sub(1, 1) == "." then grouped = grouped:sub(2) end
  return sign .. grouped .. "," .. rest .. " " .. (currency or "EUR")
end

-- Field rules -----------------------------------------------------------------------------------

--- An integer, or an integral float as an integer; otherwise an error naming `field`.
local function to_integer(value, field)
  local t = mtype(value)
  if t == "integer" then return value end
  if t == "float" then
    local i = tointeger(value)
    if i then return i end
    local money = sfind(field, "priceOne", 1, true) or field == "amount" or field == "cents"
    fail(sformat("%s must be a whole number%s, got %s", field, money and " of cents" or "", tostring(value)))
  end
  fail(sformat("%s must be an integer, got %s", field, type(value)))
end

--- Validates and normalises a writable product field of `subject` (a description for errors).
local function checked_product_field(field, value, item_type, subject)
  local name = field .. " of " .. subject
  if field == "quantity" then
    value = to_integer(value, name)
    if value < 1 then fail(name .. " must be at least 1, got " .. value) end
  elseif field == "priceOne" then
    value = to_integer(value, name)
    if value < 0 and item_type ~= "coupon" then
      fail(sformat("%s must not be negative (%d): only coupon lines reduce the amount", name, value))
    end
  elseif field == "tax" then
    value = to_integer(value, name)
    if value < 0 or value > 100 then fail(name .. " must be a whole percent from 0 to 100, got " .. value) end
  elseif field == "desc" then
    if type(value) ~= "string" or value == "" then fail(name .. " must be a non-empty string") end
  end
  return value
end

local WRITABLE_PRODUCT_FIELDS = { desc = true, quantity = true, priceOne = true, tax = true }

-- Audit --------------------------------------------------------------------------------------------

--- Ends the checkout with a limit or a rejection; a script's pcall cannot undo it.
local host_stop  -- a Swift function that keeps the reason even when a limit ends the run first

local function stop(kind, message)
  if not state.stop then
    state.stop = { kind = kind, message = message }
    host_stop(kind, message)
  end
  error({ stx_stop = kind }, 0)
end

local function record(entry)
  local audit = state.audit
  if #audit >= MAX_AUDIT then stop("output", "the audit trail passed " .. MAX_AUDIT .. " entries") end
  entry.hook = hook_name()
  entry.line = entry.line or where()
  audit[#audit + 1] = entry
end

-- Read-only views ------------------------------------------------------------------------------------

local readonly_source = setmetatable({}, { __mode = "k" })
local readonly_cache = setmetatable({}, { __mode = "k" })

--- A deep read-only view of `t`; writes fail naming `path`.
local function readonly(t, path)
  if type(t) ~= "table" then return t end
  local view = readonly_cache[t]
  if view then return view end
  view = setmetatable({}, {
    __index = function(_, k) return readonly(t[k], path .. "." .. tostring(k)) end,
    __newindex = function(_, k) fail(path .. " is read-only (cannot set " .. tostring(k) .. ")") end,
    __len = function() return #t end,
    __pairs = function()
      local key
      return function()
        local value
        key, value = next(t, key)
        if key ~= nil then return key, readonly(value, path .. "." .. tostring(key)) end
      end
    end,
    __metatable = "stx: read-only",
  })
  readonly_cache[t], readonly_source[view], host_objects[view] = view, t, true
  return view
end

local function plain(value)
  return readonly_source[value] or value
end

--- A stateless `pairs` iterator over `t` that never hands out `t` itself.
local function iterate(t)
  local key
  return function()
    local value
    key, value = next(t, key)
    return key, value
  end
end

-- Products ---------------------------------------------------------------------------------------

local product_methods = {}
local product_view = setmetatable({}, { __mode = "k" })   -- proxy -> view table
local product_origin = setmetatable({}, { __mode = "k" })  -- proxy -> index in the original basket
local removed = setmetatable({}, { __mode = "k" })

local function describe(view)
  return sformat("product %s (%q)", tostring(view.id), tostring(view.desc))
end

local function product_newindex(proxy, field, value)
  local view = product_view[proxy]
  if state.phase ~= "pre" then fail("the transaction is paid: " .. state.hook .. " cannot change products") end
  if removed[proxy] then fail(describe(view) .. " was removed from the basket") end
  if not WRITABLE_PRODUCT_FIELDS[field] then
    fail(sformat("%s is read-only on %s (writable: desc, quantity, priceOne, tax)", tostring(field), describe(view)))
  end
  local new = checked_product_field(field, value, view.item_type, describe(view))
  local old = view[field]
  if old == new then return end
  view[field] = new
  record { action = "set", product = view.id, desc = view.desc, field = field, old = old, new = new }
end

local function product_pairs(proxy)
  return iterate(product_view[proxy])
end

--- Wraps a product view (fields of the JSON product; nested tables become read-only).
local function wrap_product(view, origin)
  for k, v in next, view do
    if type(v) == "table" then view[k] = readonly(v, describe(view) .. "." .. k) end
  end
  setmetatable(view, { __index = product_methods })
  local proxy = setmetatable({}, {
    __index = view, __newindex = product_newindex, __pairs = product_pairs,
    __metatable = "stx: product",
  })
  product_view[proxy], product_origin[proxy], host_objects[proxy] = view, origin, true
  return proxy
end

local function view_of(p, what)
  local view = product_view[p]
  if not view then fail((what or "expected a product") .. ", got " .. type(p)) end
  return view
end

function product_methods.total(p)
  local view = view_of(p, "p:total() needs a product (call it with ':')")
  return mul(view.priceOne, view.quantity)
end

function product_methods.is_topup(p)
  return view_of(p, "p:is_topup() needs a product (call it with ':')").ean == TOPUP_EAN
end

-- Basket -------------------------------------------------------------------------------------------

local basket_methods = {}

local function products_list()
  return state.products
end

local function basket_total()
  local total = 0
  for _, p in ipairs(state.products) do total = add(total, product_methods.total(p)) end
  return total
end

local function next_free_id()
  local max = 0
  for _, p in ipairs(state.products) do
    local id = product_view[p].id
    if mtype(id) == "integer" and id > max then max = id end
  end
  return max + 1
end

local function require_pre(what)
  if state.phase ~= "pre" then fail("the transaction is paid: " .. what .. " is only possible before the API call") end
end

local ADDABLE = {
  desc = "string", quantity = "integer", priceOne = "integer", tax = "integer", ean = "string",
  articleNumber = "string", item_type = "string", serialNumber = "string", reference_id = "string",
  contract_id = "string", group = "table", id = "integer", parent = "integer",
}

function basket_methods.add(basket, spec)
  require_pre("tx.basket:add")
  if type(spec) ~= "table" then fail("tx.basket:add expects a table like {desc = \"Coffee\", priceOne = 250, tax = 19}") end
  local view = { quantity = 1, item_type = "article" }
  for k, v in pairs(spec) do
    local kind = ADDABLE[k]
    if not kind then fail("tx.basket:add: unknown field " .. tostring(k)) end
    if kind == "integer" then v = to_integer(v, k)
    elseif type(v) ~= kind then fail(sformat("tx.basket:add: %s must be a %s, got %s", k, kind, type(v))) end
    view[k] = plain(v)
  end
  if view.priceOne == nil then fail("tx.basket:add: priceOne (integer cents) is required") end
  if view.tax == nil then fail("tx.basket:add: tax (integer percent) is required") end
  if view.desc == nil then fail("tx.basket:add: desc is required") end
  for field in pairs(WRITABLE_PRODUCT_FIELDS) do
    view[field] = checked_product_field(field, view[field], view.item_type, "the new product")
  end
  view.id = view.id or next_free_id()
  view.group = view.group or {}
  local proxy = wrap_product(view, nil)
  state.products[#state.products + 1] = proxy
  record { action = "add", product = view.id, desc = view.desc, priceOne = view.priceOne, quantity = view.quantity }
  return proxy
end

function basket_methods.remove(basket, p)
  require_pre("tx.basket:remove")
  local view = view_of(p, "tx.basket:remove expects a product")
  for i, q in ipairs(state.products) do
    if q == p then
      tremove(state.products, i)
      removed[p] = true
      record { action = "remove", product = view.id, desc = view.desc }
      return p
    end
  end
  fail(describe(view) .. " is not in the basket")
end

function basket_methods.total(basket)
  return basket_total()
end

--- The products a discount targets: a sequence of products, a predicate, or every line.
local function discount_targets(lines)
  local chosen = {}
  if lines == nil then
    for _, p in ipairs(state.products) do chosen[#chosen + 1] = p end
  elseif type(lines) == "function" then
    for _, p in ipairs(state.products) do
      if lines(p) then chosen[#chosen + 1] = p end
    end
  elseif type(lines) == "table" then
    for i = 1, #lines do
      local p = lines[i]
      view_of(p, "discount lines[" .. i .. "] must be a product")
      chosen[#chosen + 1] = p
    end
  else
    fail("discount lines must be a sequence of products or a function(p) -> boolean")
  end
  local eligible = {}
  for _, p in ipairs(chosen) do
    local view = product_view[p]
    if not removed[p] and view.ean ~= TOPUP_EAN and view.item_type ~= "coupon" then
      eligible[#eligible + 1] = p
    end
  end
  return eligible
end

--- Totals per VAT rate of `products`, rates in order of first appearance.
local function totals_by_rate(products)
  local rates, totals = {}, {}
  for _, p in ipairs(products) do
    local rate = product_view[p].tax
    if totals[rate] == nil then rates[#rates + 1] = rate; totals[rate] = 0 end
    totals[rate] = add(totals[rate], product_methods.total(p))
  end
  return rates, totals
end

local function discount_amount(spec, base)
  if spec.amount ~= nil and spec.percent ~= nil then fail("discount takes percent or amount, not both") end
  if spec.amount ~= nil then
    local amount = to_integer(spec.amount, "amount")
    if amount < 0 then fail("discount amount must not be negative, got " .. amount) end
    return amount
  end
  if spec.percent == nil then fail("discount needs percent = N or amount = cents") end
  local percent = to_integer(spec.percent, "percent")
  if percent < 0 then fail("discount percent must not be negative, got " .. percent) end
  return percent_of(base, percent)
end

function basket_methods.discount(basket, spec)
  require_pre("tx.basket:discount")
  if type(spec) ~= "table" then fail("tx.basket:discount expects a table like {label = \"10 %\", percent = 10}") end
  local label = spec.label
  if type(label) ~= "string" or label == "" then fail("discount needs a label (the receipt text)") end
  local targets = discount_targets(spec.lines)
  local rates, totals = totals_by_rate(targets)
  local base = 0
  for _, rate in ipairs(rates) do base = add(base, totals[rate]) end
  local amount = discount_amount(spec, base)
  if amount > base then
    fail(sformat("discount %q of %s is larger than its base of %s", label,
      format_money(amount, state.currency), format_money(base, state.currency)))
  end
  local coupons = {}
  if amount == 0 then
    record { action = "discount", label = label, amount = 0, base = base }
    return coupons
  end
  local weights = {}
  for i, rate in ipairs(rates) do weights[i] = totals[rate] end
  local shares = allocate(amount, weights)
  local ids = {}
  for i, rate in ipairs(rates) do
    if shares[i] > 0 then
      local view = { id = next_free_id(), desc = label, quantity = 1, priceOne = -shares[i], tax = rate,
                     item_type = "coupon", group = {} }
      local proxy = wrap_product(view, nil)
      state.products[#state.products + 1] = proxy
      coupons[#coupons + 1] = proxy
      ids[#ids + 1] = view.id
    end
  end
  record { action = "discount", label = label, amount = amount, base = base, coupons = ids }
  return coupons
end

-- Receipt ------------------------------------------------------------------------------------------

local receipt_methods = {}

local function check_decorations(list, allowed_only_important)
  local out = {}
  for i = 1, #list do
    local d = list[i]
    if not DECORATIONS[d] then
      fail(sformat("unknown decoration %q (use important, align-left, align-center, align-right)", tostring(d)))
    end
    if allowed_only_important and d ~= "important" then
      fail("name-value lines take only the decoration \"important\", got " .. d)
    end
    out[#out + 1] = d
  end
  return out
end

local function text_of(value, what)
  if type(value) == "number" then value = tostring(value) end
  if type(value) ~= "string" then fail(what .. " must be a string, got " .. type(value)) end
  if #value > MAX_TEXT then
    stop("output", what .. " is longer than " .. MAX_TEXT .. " bytes")
  end
  return value
end

local function append_line(line)
  local lines = state.receipt_lines
  if #lines >= MAX_RECEIPT_LINES then
    stop("output", "the receipt passed " .. MAX_RECEIPT_LINES .. " lines")
  end
  lines[#lines + 1] = line
  record { action = "receipt_line", type = line.type, text = line.value and (line.value.text or line.value.caption or line.value.name) }
  return line
end

function receipt_methods.separator(r, caption)
  local value = {}
  if caption ~= nil then value.caption = text_of(caption, "separator caption") end
  return append_line { type = "separator", value = value }
end

function receipt_methods.textline(r, text, ...)
  return append_line { type = "textline", value = { text = text_of(text, "textline text"), decoration = check_decorations({ ... }) } }
end

function receipt_methods.name_value(r, name, value, ...)
  return append_line { type = "name-value", value = {
    name = text_of(name, "name-value name"), value = text_of(value, "name-value value"),
    decoration = check_decorations({ ... }, true) } }
end

function receipt_methods.space(r)
  return append_line { type = "space" }
end

local function is_api_line(line)
  return state.api_lines[line] ~= nil
end

function receipt_methods.insert(r, index, line)
  local lines = state.receipt_lines
  index = to_integer(index, "index")
  if index < 1 or index > #lines + 1 then fail(sformat("receipt:insert index %d is outside 1..%d", index, #lines + 1)) end
  if type(line) ~= "table" or is_api_line(line) then fail("receipt:insert expects a new line {type = ..., value = {...}}") end
  append_line(line)
  tremove(lines)
  tinsert(lines, index, line)
  return line
end

function receipt_methods.remove(r, index)
  local lines = state.receipt_lines
  index = to_integer(index, "index")
  local line = lines[index]
  if line == nil then fail(sformat("receipt:remove: there is no line %d (the receipt has %d)", index, #lines)) end
  if is_api_line(line) then
    fail(sformat("receipt line %d comes from the payment API (fiscal content) and cannot be removed", index))
  end
  tremove(lines, index)
  record { action = "receipt_remove", index = index }
  return line
end

local receipt_proxy_mt = {
  __index = function(_, k)
    if type(k) == "number" then return state.receipt_lines[k] end
    return receipt_methods[k]
  end,
  __newindex = function() fail("use receipt:textline, receipt:insert and friends to change the receipt") end,
  __len = function() return #state.receipt_lines end,
  __pairs = function() return iterate(state.receipt_lines) end,
  __metatable = "stx: receipt",
}

-- Transaction -----------------------------------------------------------------------------------------

local tx_methods = {}
local TX_WRITABLE_STRINGS = { merchantRef = true, transactionRef = true }

function tx_methods.reject(tx, message)
  if state.phase ~= "pre" then fail("too late to reject: the payment is done (" .. state.hook .. ")") end
  message = text_of(message == nil and "rejected" or message, "reject message")
  record { action = "reject", message = message }
  stop("reject", message)
end

local function tx_newindex(tx, field, value)
  if state.phase ~= "pre" then fail("the transaction is paid: " .. state.hook .. " cannot change tx." .. tostring(field)) end
  if TX_WRITABLE_STRINGS[field] then
    if value ~= nil and type(value) ~= "string" then fail(field .. " must be a string, got " .. type(value)) end
  elseif field == "payment_method" then
    if not PAYMENT_METHODS[value] then
      fail("payment_method must be one of cash, cashless, debit, invoice, loyalty, prepaid, cashless_direct, ccload; got " .. tostring(value))
    end
  else
    fail("tx." .. tostring(field) .. " is read-only (writable: merchantRef, transactionRef, payment_method)")
  end
  local old = state.tx_fields[field]
  if old == value then return end
  state.tx_fields[field] = value
  record { action = "set", field = field, old = old, new = value }
end

local basket_info_mt = {
  __index = function(_, k)
    if k == "sum" then return basket_total() end
    return state.basket_info[k]
  end,
  __newindex = function(_, k)
    if k == "sum" then fail("basket_info.sum is read-only: it is the total of the products") end
    fail("basket_info." .. tostring(k) .. " is read-only")
  end,
  __pairs = function()
    local copy = {}
    for k, v in next, state.basket_info do copy[k] = v end
    copy.sum = basket_total()
    return iterate(copy)
  end,
  __metatable = "stx: basket_info",
}

local products_mt = {
  __index = function(_, k) return state.products[k] end,
  __newindex = function() fail("tx.basket.products is managed by tx.basket:add and tx.basket:remove") end,
  __len = function() return #state.products end,
  __pairs = function() return iterate(state.products) end,
  __metatable = "stx: products",
}

local function build_basket(basket_json)
  local basket = setmetatable({}, {
    __index = function(_, k)
      if k == "products" then return state.products_proxy end
      local m = basket_methods[k]
      if m then return m end
      return readonly(basket_json[k], "tx.basket." .. tostring(k))
    end,
    __newindex = function(_, k) fail("tx.basket." .. tostring(k) .. " is read-only") end,
    __metatable = "stx: basket",
  })
  host_objects[basket] = true
  return basket
end

local function build_tx(json, now)
  local tx = setmetatable({}, {
    __index = function(_, k)
      if k == "basket" then return state.basket end
      if k == "basket_info" then return state.basket_info_proxy end
      if k == "now" then return now end
      local m = tx_methods[k]
      if m then return m end
      local v = state.tx_fields[k]
      if v ~= nil then return v end
      return readonly(json[k], "tx." .. tostring(k))
    end,
    __newindex = tx_newindex,
    __metatable = "stx: transaction",
  })
  host_objects[tx] = true
  return tx
end

--- Sets up `state` for a transaction (JSON as plain tables).
local function new_state(json, now, phase)
  local basket_json = json.basket or {}
  local s = {
    phase = phase, hook = nil, audit = {}, stop = nil,
    products = {}, tx_fields = {}, receipt_lines = {}, api_lines = {},
    basket_info = json.basket_info or {},
    currency = (json.basket_info or {}).currency or "EUR",
  }
  for _, field in ipairs { "merchantRef", "transactionRef", "payment_method" } do
    s.tx_fields[field] = json[field]
  end
  state = s
  for i, product in ipairs(basket_json.products or {}) do
    s.products[i] = wrap_product(product, i)
  end
  s.products_proxy = setmetatable({}, products_mt)
  s.basket_info_proxy = setmetatable({}, basket_info_mt)
  host_objects[s.products_proxy], host_objects[s.basket_info_proxy] = true, true
  s.basket = build_basket(basket_json)
  s.tx = build_tx(json, now)
  return s
end

-- Invariants after each hook ------------------------------------------------------------------------

local function check_invariants()
  for _, p in ipairs(state.products) do
    local view = product_view[p]
    for field in pairs(WRITABLE_PRODUCT_FIELDS) do
      local ok, message = pcall(checked_product_field, field, view[field], view.item_type, describe(view))
      if not ok then
        error(sformat("%s left %s", state.hook, tostring(message):gsub("^[^:]*:%d+: ", "")), 0)
      end
    end
    product_methods.total(p)
  end
  if basket_total() < 0 then
    error(sformat("%s left the basket sum negative (%s): discounts exceed the goods",
      state.hook, format_money(basket_total(), state.currency)), 0)
  end
end

-- The host API ------------------------------------------------------------------------------------------

--- Installs the script-facing globals into a fresh environment.
function H.install(env)
  script_env = env
  host_stop = env.__stx_stop
  env.__stx_stop = nil
  env.money = setmetatable({
    format = function(cents, currency)
      cents = to_integer(cents, "cents")
      if currency ~= nil and type(currency) ~= "string" then fail("money.format: currency must be a string") end
      return format_money(cents, currency)
    end,
    percent = function(cents, pct) return percent_of(to_integer(cents, "cents"), to_integer(pct, "percent")) end,
    allocate = function(cents, weights)
      cents = to_integer(cents, "cents")
      if type(weights) ~= "table" then fail("money.allocate expects a sequence of weights") end
      local w = {}
      for i = 1, #weights do
        w[i] = to_integer(weights[i], "weights[" .. i .. "]")
        if w[i] < 0 then fail("money.allocate: weights must not be negative") end
      end
      return allocate(cents, w)
    end,
  }, { __newindex = function() fail("money is read-only") end, __metatable = "stx: money" })
  host_objects[env.money] = true
  env.explain = function(label, message)
    if state == nil then fail("explain is only available inside a hook") end
    record { action = "explain", label = text_of(label, "explain label"), message = text_of(message == nil and "" or message, "explain message") }
  end
  env.log = env.print
  local raw_set = env.rawset
  env.rawset = function(t, k, v)
    if host_objects[t] then fail("rawset on a host object is not allowed; assign its fields normally") end
    return raw_set(t, k, v)
  end
end

--- Starts a checkout before the API call.
function H.begin(json, now)
  new_state(json, now, "pre")
end

--- Starts the receipt phase on the paid transaction.
function H.begin_receipt(json, now)
  local s = new_state(json, now, "receipt")
  for i, line in ipairs(json.receipt or {}) do
    local view = readonly(line, "receipt[" .. i .. "]")
    s.receipt_lines[i] = view
    s.api_lines[view] = i
  end
  s.receipt = setmetatable({}, receipt_proxy_mt)
  host_objects[s.receipt] = true
end

--- Whether the basket holds a top-up (load card) line.
function H.has_topup()
  for _, p in ipairs(state.products) do
    if product_view[p].ean == TOPUP_EAN then return true end
  end
  return false
end

--- Runs hook `name` if the script defines it; returns whether it ran.
function H.run_hook(name)
  local hook = script_env and rawget(script_env, name)
  if hook == nil then return false end
  if type(hook) ~= "function" then error(name .. " must be a function, got " .. type(hook), 0) end
  state.hook = name
  if state.phase == "receipt" then hook(state.tx, state.receipt) else hook(state.tx) end
  if state.stop then error({ stx_stop = state.stop.kind }, 0) end
  if state.phase == "pre" then check_invariants() end
  return true
end

local function export_audit()
  return state.audit
end

--- The audit trail so far (also after a failed hook).
function H.audit()
  return state and state.audit or {}
end

--- The basket and fields after the pre-API hooks, as plain tables.
function H.export()
  local products = {}
  for i, p in ipairs(state.products) do
    local view = product_view[p]
    local out = { origin = product_origin[p] }
    for k, v in next, view do out[k] = plain(v) end
    products[i] = out
  end
  return { products = products, fields = state.tx_fields, audit = export_audit() }
end

local LINE_TEXT_FIELDS = {
  separator = { "caption" }, textline = { "text" }, ["name-value"] = { "name", "value" },
}

--- A script-made receipt line checked and copied into plain form, or an error naming it.
local function export_script_line(line, index)
  local function bad(message) error(sformat("on_receipt left receipt line %d invalid: %s", index, message), 0) end
  if type(line) ~= "table" then bad("a line must be a table, got " .. type(line)) end
  local kind = line.type
  if kind == "space" then return { type = "space" } end
  local fields = LINE_TEXT_FIELDS[kind]
  if not fields then bad("type must be separator, textline, name-value or space, got " .. tostring(kind)) end
  local value = line.value
  if type(value) ~= "table" then bad("value must be a table") end
  local out = {}
  for _, field in ipairs(fields) do
    local text = value[field]
    if type(text) ~= "string" and not (kind == "separator" and text == nil) then
      bad(field .. " must be a string, got " .. type(text))
    end
    if text and #text > MAX_TEXT then stop("output", sformat("receipt line %d is longer than %d bytes", index, MAX_TEXT)) end
    out[field] = text
  end
  if kind ~= "separator" then
    local decoration = value.decoration or {}
    if type(decoration) ~= "table" then bad("decoration must be a sequence of strings") end
    out.decoration = {}
    for i = 1, #decoration do
      local d = decoration[i]
      if not DECORATIONS[d] or (kind == "name-value" and d ~= "important") then
        bad("decoration " .. tostring(d) .. " is not allowed here")
      end
      out.decoration[i] = d
    end
  end
  return { type = kind, value = out }
end

local function export_receipt_line(line, index)
  local api_index = state.api_lines[line]
  if api_index then return { api_index = api_index } end
  return { line = export_script_line(line, index) }
end

--- The receipt after on_receipt, as plain tables (API lines by index).
function H.export_receipt()
  local lines = {}
  for i, line in ipairs(state.receipt_lines) do lines[i] = export_receipt_line(line, i) end
  return { lines = lines, audit = export_audit() }
end

H.allocate, H.percent, H.format_money = allocate, percent_of, format_money
return H
"""#
}
