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
local MAX_REF = 255
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
-- The tables below map this run's objects (a checkout, from one reset to the next) to what the
-- model knows about them. No object outlives its run, so they are plain tables that install()
-- replaces: weak tables would cost the collector an ephemeron pass over thousands of entries.
local host_objects = {}  -- the transaction, basket, receipt and money proxies of this run

-- Errors ------------------------------------------------------------------------------------

--- "checkout.lua:12": the innermost frame that belongs to the script, or "?". The search starts
--- at `level` (default 2: where's caller) when the caller knows the frames above it are the host's.
local function where(level)
  level = level or 2
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

--- Why `text` cannot go on a receipt or to the API, or nil: control characters (newlines,
--- escape sequences) would forge printed lines, and the API expects UTF-8.
local function text_problem(text)
  if sfind(text, "%c") then return "must not contain control characters (newlines, tabs, escapes)" end
  if utf8.len(text) == nil then return "must be valid UTF-8 text" end
  return nil
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
    if type(value) ~= "string" or not sfind(value, "%S") then fail(name .. " must be a non-empty string") end
    if #value > MAX_TEXT then fail(name .. " is longer than " .. MAX_TEXT .. " bytes") end
    local problem = text_problem(value)
    if problem then fail(name .. " " .. problem) end
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

local MAX_AUDIT_TEXT = 200

local function record(entry)
  local audit = state.audit
  if #audit >= MAX_AUDIT then stop("output", "the audit trail passed " .. MAX_AUDIT .. " entries") end
  for key, value in next, entry do
    if type(value) == "string" and #value > MAX_AUDIT_TEXT then
      entry[key] = value:sub(1, MAX_AUDIT_TEXT) .. "…"
    end
  end
  entry.hook = hook_name()
  -- level 2 is record and level 3 its caller: both host code (record is never tail-called)
  entry.line = entry.line or where(4)
  audit[#audit + 1] = entry
end

--- `value` as receipt or API text: a string (numbers are converted), bounded, printable.
local function text_of(value, what)
  if type(value) == "number" then value = tostring(value) end
  if type(value) ~= "string" then fail(what .. " must be a string, got " .. type(value)) end
  if #value > MAX_TEXT then
    stop("output", what .. " is longer than " .. MAX_TEXT .. " bytes")
  end
  local problem = text_problem(value)
  if problem then fail(what .. " " .. problem) end
  return value
end

-- Read-only views ------------------------------------------------------------------------------------

local readonly_source = {}  -- view -> the table it shows
local readonly_cache = {}   -- table -> its view
local readonly_path = {}    -- root view -> its path, e.g. "tx.idents"
local readonly_parent = {}  -- view inside another view or a product -> that view or the product's view
local readonly_key = {}     -- view inside another view or a product -> its key there
local owner_subject = {}    -- product view -> its description when it was wrapped
local describe
local readonly
local readonly_mt

--- The path a read-only view's errors name, built only when needed; a product's views name
--- the product as it was when it was wrapped.
local function path_of(view)
  local parent, key = readonly_parent[view], readonly_key[view]
  if parent == nil then return readonly_path[view] end
  if readonly_source[parent] ~= nil then return path_of(parent) .. "." .. tostring(key) end
  return (owner_subject[parent] or describe(parent)) .. "." .. key
end

--- A new read-only view of `t`.
local function new_view(t)
  local view = setmetatable({}, readonly_mt)
  readonly_cache[t], readonly_source[view] = view, t
  return view
end

--- `v` as seen through the view `parent` at key `k`: tables read-only, other values as they are.
local function child(parent, k, v)
  if type(v) ~= "table" then return v end
  local view = readonly_cache[v]
  if view then return view end
  view = new_view(v)
  readonly_parent[view], readonly_key[view] = parent, k
  return view
end

--- A `pairs` iterator over `t` that shows each value as `child(parent, key, value)`.
local function child_pairs(t, parent)
  local key
  return function()
    local value
    key, value = next(t, key)
    if key ~= nil then return key, child(parent, key, value) end
  end
end

readonly_mt = {
  __index = function(view, k) return child(view, k, readonly_source[view][k]) end,
  __newindex = function(view, k) fail(path_of(view) .. " is read-only (cannot set " .. tostring(k) .. ")") end,
  __len = function(view) return #readonly_source[view] end,
  __pairs = function(view) return child_pairs(readonly_source[view], view) end,
  __metatable = "stx: read-only",
}

--- A deep read-only view of `t`; writes fail naming `path`.
function readonly(t, path)
  if type(t) ~= "table" then return t end
  local view = readonly_cache[t]
  if view then return view end
  view = new_view(t)
  readonly_path[view] = path
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
local product_view = {}    -- proxy -> view table
local product_origin = {}  -- proxy -> index in the original basket
local removed = {}

--- Whether `t` is one of the model's objects: a proxy, a read-only view or a product.
local function is_host_object(t)
  return host_objects[t] or readonly_source[t] ~= nil or product_view[t] ~= nil
end

function describe(view)
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
  if field == "priceOne" then mul(new, view.quantity) elseif field == "quantity" then mul(view.priceOne, new) end
  if field == "desc" and owner_subject[view] == nil then owner_subject[view] = describe(view) end
  view[field] = new
  state.changed[proxy] = true
  record { action = "set", product = view.id, desc = view.desc, field = field, old = old, new = new }
end

--- A product's fields as a script sees them: nested tables (such as `group`) through read-only
--- views, made on first access.
local function product_pairs(proxy)
  local view = product_view[proxy]
  return child_pairs(view, view)
end

local view_mt = { __index = product_methods }

-- One metatable for every product proxy: reads go to the product's view.
local product_mt = {
  __index = function(proxy, k)
    local view = product_view[proxy]
    local v = view[k]
    if type(v) ~= "table" then return v end  -- the common case, without a call
    return child(view, k, v)
  end,
  __newindex = product_newindex, __pairs = product_pairs,
  __metatable = "stx: product",
}

--- Wraps a product view (fields of the JSON product; nested tables are shown read-only).
local function wrap_product(view, origin)
  -- an API field named like a method (total, is_topup) must not hide it; the host keeps the
  -- field in the JSON it sends
  view.total, view.is_topup = nil, nil  -- the names of product_methods
  setmetatable(view, view_mt)
  local proxy = setmetatable({}, product_mt)
  product_view[proxy], product_origin[proxy] = view, origin
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
  for _, p in ipairs(state.products) do
    local view = product_view[p]
    total = add(total, mul(view.priceOne, view.quantity))
  end
  return total
end

--- One more than the highest integer id in the basket (kept in `state.max_id` until a removal).
local function next_free_id()
  local max = state.max_id
  if max == nil then
    max = 0
    for _, p in ipairs(state.products) do
      local id = product_view[p].id
      if mtype(id) == "integer" and id > max then max = id end
    end
    state.max_id = max
  end
  return max + 1
end

--- Wraps a product the script added and appends it to the basket.
local function append_product(view)
  local proxy = wrap_product(view, nil)
  state.products[#state.products + 1] = proxy
  local id, max = view.id, state.max_id
  if max ~= nil and mtype(id) == "integer" and id > max then state.max_id = id end
  return proxy
end

--- The fields of a spec table, read raw once, so no metamethod runs between checks and use.
local function raw_spec(spec, what, example)
  if type(spec) ~= "table" or is_host_object(spec) then fail(what .. " expects a table like " .. example) end
  local copy = {}
  for k, v in next, spec do copy[k] = v end
  return copy
end

local function require_pre(what)
  if state.phase ~= "pre" then fail("the transaction is paid: " .. what .. " is only possible before the API call") end
end

local ITEM_TYPES = {
  article = true, coupon = true, shipping = true, subscription = true, sub_transaction = true,
  stakeholder_payment = true,
}

local ADDABLE = {
  desc = "string", quantity = "integer", priceOne = "integer", tax = "integer", ean = "string",
  articleNumber = "string", item_type = "string", serialNumber = "string", reference_id = "string",
  contract_id = "string", group = "table", id = "integer", parent = "integer",
}

--- A plain copy of `group` as the API has it: a sequence of {id = string, desc = string, level = integer}.
local function checked_group(group)
  local copy = {}
  group = plain(group)
  for i = 1, rawlen(group) do
    local entry = plain(rawget(group, i))
    if type(entry) ~= "table" then fail(sformat("tx.basket:add: group[%d] must be a table {id, desc, level}", i)) end
    local id, desc, level = rawget(entry, "id"), rawget(entry, "desc"), rawget(entry, "level")
    if type(id) ~= "string" or type(desc) ~= "string" then
      fail(sformat("tx.basket:add: group[%d] needs id and desc strings", i))
    end
    copy[i] = { id = text_of(id, "group id"), desc = text_of(desc, "group desc"),
                level = to_integer(level == nil and 1 or level, sformat("group[%d].level", i)) }
  end
  return copy
end

local function has_product_id(id)
  for _, p in ipairs(state.products) do
    if product_view[p].id == id then return true end
  end
  return false
end

function basket_methods.add(basket, spec)
  require_pre("tx.basket:add")
  spec = raw_spec(spec, "tx.basket:add", "{desc = \"Coffee\", priceOne = 250, tax = 19}")
  local view = { quantity = 1, item_type = "article" }
  for k, v in next, spec do
    local kind = ADDABLE[k]
    if not kind then fail("tx.basket:add: unknown field " .. tostring(k)) end
    if kind == "integer" then v = to_integer(v, k)
    elseif kind == "table" then v = checked_group(v)
    elseif type(v) ~= kind then fail(sformat("tx.basket:add: %s must be a %s, got %s", k, kind, type(v)))
    elseif k ~= "desc" then v = text_of(v, k) end
    view[k] = v
  end
  if view.priceOne == nil then fail("tx.basket:add: priceOne (integer cents) is required") end
  if view.tax == nil then fail("tx.basket:add: tax (integer percent) is required") end
  if view.desc == nil then fail("tx.basket:add: desc is required") end
  if not ITEM_TYPES[view.item_type] then
    fail("tx.basket:add: item_type must be article, coupon, shipping, subscription, sub_transaction or stakeholder_payment")
  end
  for field in pairs(WRITABLE_PRODUCT_FIELDS) do
    view[field] = checked_product_field(field, view[field], view.item_type, "the new product")
  end
  mul(view.priceOne, view.quantity)
  if view.id ~= nil and has_product_id(view.id) then fail("tx.basket:add: id " .. view.id .. " is already in the basket") end
  if view.parent ~= nil and not has_product_id(view.parent) then fail("tx.basket:add: parent " .. view.parent .. " is not in the basket") end
  view.id = view.id or next_free_id()
  view.group = view.group or {}
  local proxy = append_product(view)
  record { action = "add", product = view.id, desc = view.desc, priceOne = view.priceOne, quantity = view.quantity }
  return proxy
end

function basket_methods.remove(basket, p)
  require_pre("tx.basket:remove")
  local view = view_of(p, "tx.basket:remove expects a product")
  for i, q in ipairs(state.products) do
    if q == p then
      tremove(state.products, i)
      state.max_id = nil
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
--- Each product at most once, in basket order; the predicate sees a snapshot of the basket,
--- so a predicate that adds or removes products cannot change what it iterates.
local function discount_targets(lines)
  local chosen  -- nil: every line
  if lines == nil or lines == state.products_proxy then
    chosen = nil
  elseif type(lines) == "function" then
    local snapshot = {}
    for i, p in ipairs(state.products) do snapshot[i] = p end
    chosen = {}
    for _, p in ipairs(snapshot) do
      if lines(p) then chosen[p] = true end
    end
  elseif type(lines) == "table" and not is_host_object(lines) then
    chosen = {}
    for i = 1, rawlen(lines) do
      local p = rawget(lines, i)
      if not product_view[p] then view_of(p, "discount lines[" .. i .. "] must be a product") end
      chosen[p] = true
    end
  else
    fail("discount lines must be a sequence of products or a function(p) -> boolean")
  end
  local eligible = {}
  for _, p in ipairs(state.products) do
    local view = product_view[p]
    if (chosen == nil or chosen[p]) and view.ean ~= TOPUP_EAN and view.item_type ~= "coupon" then
      eligible[#eligible + 1] = p
    end
  end
  return eligible
end

--- Totals per VAT rate of `products`, rates in order of first appearance.
local function totals_by_rate(products)
  local rates, totals = {}, {}
  for _, p in ipairs(products) do
    local view = product_view[p]
    local rate = view.tax
    if totals[rate] == nil then rates[#rates + 1] = rate; totals[rate] = 0 end
    totals[rate] = add(totals[rate], mul(view.priceOne, view.quantity))
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

local DISCOUNT_FIELDS = { label = true, percent = true, amount = true, lines = true }

function basket_methods.discount(basket, spec)
  require_pre("tx.basket:discount")
  spec = raw_spec(spec, "tx.basket:discount", "{label = \"10 %\", percent = 10}")
  for key in next, spec do
    if not DISCOUNT_FIELDS[key] then fail("tx.basket:discount: unknown field " .. tostring(key) .. " (use label, percent or amount, lines)") end
  end
  local label = spec.label
  if type(label) ~= "string" or not sfind(label, "%S") then fail("discount needs a label (the receipt text)") end
  label = checked_product_field("desc", label, "coupon", "the discount label")
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
      local proxy = append_product(view)
      coupons[#coupons + 1] = proxy
      ids[#ids + 1] = view.id
    end
  end
  record { action = "discount", label = label, amount = amount, base = base, coupons = ids }
  return coupons
end

-- Receipt ------------------------------------------------------------------------------------------

local receipt_methods = {}
local checked_line

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


local LINE_TEXT_FIELDS = {
  separator = { "caption" }, textline = { "text" }, ["name-value"] = { "name", "value" },
}

--- A receipt line checked and copied into plain form; `complain(message)` raises. Reads are raw,
--- so a line's metatable cannot run code or change the line between the check and the copy.
checked_line = function(line, complain)
  if type(line) ~= "table" or is_host_object(line) then complain("a line must be a table {type = ..., value = {...}}") end
  local kind = rawget(line, "type")
  if kind == "space" then return { type = "space" } end
  local fields = LINE_TEXT_FIELDS[kind]
  if not fields then complain("type must be separator, textline, name-value or space, got " .. tostring(kind)) end
  local value = rawget(line, "value")
  if type(value) ~= "table" then complain("value must be a table") end
  local out = {}
  for _, field in ipairs(fields) do
    local text = rawget(value, field)
    if text ~= nil or kind ~= "separator" then
      if type(text) ~= "string" then complain(field .. " must be a string, got " .. type(text)) end
      if #text > MAX_TEXT then stop("output", sformat("a receipt %s is longer than %d bytes", field, MAX_TEXT)) end
      local problem = text_problem(text)
      if problem then complain(field .. " " .. problem) end
      out[field] = text
    end
  end
  if kind ~= "separator" then
    local decoration = rawget(value, "decoration")
    if decoration == nil then decoration = {} end
    if type(decoration) ~= "table" then complain("decoration must be a sequence of strings") end
    out.decoration = {}
    for i = 1, rawlen(decoration) do
      local d = rawget(decoration, i)
      if not DECORATIONS[d] or (kind == "name-value" and d ~= "important") then
        complain("decoration " .. tostring(d) .. " is not allowed here")
      end
      out.decoration[i] = d
    end
  end
  return { type = kind, value = out }
end

local function require_receipt_phase()
  if state.phase ~= "receipt" then fail("the receipt can only change inside on_receipt") end
end

local function append_line(line)
  require_receipt_phase()
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
  require_receipt_phase()
  local lines = state.receipt_lines
  index = to_integer(index, "index")
  if index < 1 or index > #lines + 1 then fail(sformat("receipt:insert index %d is outside 1..%d", index, #lines + 1)) end
  local copy = checked_line(line, function(message) fail("receipt:insert: " .. message) end)
  append_line(copy)
  tremove(lines)
  tinsert(lines, index, copy)
  return copy
end

function receipt_methods.remove(r, index)
  require_receipt_phase()
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

--- A receipt line as the script sees it: a line of the API through a read-only view, made on
--- first access and named after the line's place in the API's receipt.
local function shown_line(line, api_lines)
  local api_index = api_lines[line]
  if api_index == nil then return line end
  return readonly_cache[line] or readonly(line, "receipt[" .. api_index .. "]")
end

local receipt_proxy_mt = {
  __index = function(_, k)
    if type(k) == "number" then
      local line = state.receipt_lines[k]
      if line == nil then return nil end
      return shown_line(line, state.api_lines)
    end
    return receipt_methods[k]
  end,
  __newindex = function() fail("use receipt:textline, receipt:insert and friends to change the receipt") end,
  __len = function() return #state.receipt_lines end,
  __pairs = function()
    local lines, api_lines, key = state.receipt_lines, state.api_lines, nil
    return function()
      local value
      key, value = next(lines, key)
      if key ~= nil then return key, shown_line(value, api_lines) end
    end
  end,
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
    if value ~= nil then
      if type(value) ~= "string" then fail(field .. " must be a string, got " .. type(value)) end
      if #value > MAX_REF then fail(sformat("%s must be at most %d bytes, got %d", field, MAX_REF, #value)) end
      local problem = text_problem(value)
      if problem then fail(field .. " " .. problem) end
    end
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
      local v = basket_json[k]
      if type(v) ~= "table" then return v end
      return readonly_cache[v] or readonly(v, "tx.basket." .. tostring(k))
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
      v = json[k]
      if type(v) ~= "table" then return v end
      return readonly_cache[v] or readonly(v, "tx." .. tostring(k))
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
    products = {}, changed = {}, tx_fields = {}, receipt_lines = {}, api_lines = {},
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

--- Whether checked_product_field accepts the four writable fields of `view` as they are (the
--- common case, checked without building messages; any doubt goes through checked_product_field).
local function fields_ok(view)
  local quantity, price, tax, desc = view.quantity, view.priceOne, view.tax, view.desc
  return mtype(quantity) == "integer" and quantity >= 1
    and mtype(price) == "integer" and (price >= 0 or view.item_type == "coupon")
    and mtype(tax) == "integer" and tax >= 0 and tax <= 100
    and type(desc) == "string" and #desc <= MAX_TEXT and sfind(desc, "%S") ~= nil and text_problem(desc) == nil
end

--- Every product field valid, line totals and the sum in range, and no VAT rate negative:
--- the coupons at a rate must not exceed the lines they reduce at that rate.
local function check_invariants()
  local hook = state.hook
  local rates, by_rate = {}, {}
  local ok, result = pcall(function()
    local sum, in_range = 0, true
    for _, p in ipairs(state.products) do
      local view = product_view[p]
      if not fields_ok(view) then
        for field in next, WRITABLE_PRODUCT_FIELDS do
          checked_product_field(field, view[field], view.item_type, describe(view))
        end
      end
      local total = mul(view.priceOne, view.quantity)
      local rate = view.tax
      if by_rate[rate] == nil then rates[#rates + 1], by_rate[rate] = rate, 0 end
      by_rate[rate] = add(by_rate[rate], total)
      if in_range then
        local next_sum = sum + total
        if (total > 0 and next_sum < sum) or (total < 0 and next_sum > sum) then in_range = false else sum = next_sum end
      end
    end
    if not in_range then basket_total() end  -- raises the sum's overflow error
    return sum
  end)
  if not ok then
    local text = tostring(result):gsub("^[^:]*:%d+: ", ""):gsub("^%?: ", "")
    error(sformat("%s left %s", hook, text), 0)
  end
  for _, rate in ipairs(rates) do
    if by_rate[rate] < 0 then
      error(sformat("%s left the %d %% VAT rate negative (%s): coupons at a rate must not exceed its goods",
        hook, rate, format_money(by_rate[rate], state.currency)), 0)
    end
  end
  if result < 0 then
    error(sformat("%s left the basket sum negative (%s): discounts exceed the goods",
      hook, format_money(result, state.currency)), 0)
  end
end

-- The host API ------------------------------------------------------------------------------------------

--- Installs the script-facing globals into a fresh environment.
function H.install(env)
  host_objects, product_view, product_origin, removed = {}, {}, {}, {}
  readonly_source, readonly_cache, readonly_path = {}, {}, {}
  readonly_parent, readonly_key, owner_subject = {}, {}, {}
  script_env = env
  host_stop = env.__stx_stop
  env.__stx_stop = nil
  local money = {
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
  }
  env.money = setmetatable({}, {
    __index = money, __newindex = function() fail("money is read-only") end,
    __pairs = function() return iterate(money) end, __metatable = "stx: money",
  })
  host_objects[env.money] = true
  env.explain = function(label, message)
    if state == nil then fail("explain is only available inside a hook") end
    record { action = "explain", label = text_of(label, "explain label"), message = text_of(message == nil and "" or message, "explain message") }
  end
  env.log = env.print
  local raw_set = env.rawset
  env.rawset = function(t, k, v)
    if is_host_object(t) then fail("rawset on a host object is not allowed; assign its fields normally") end
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
  -- the API's lines stay plain here: receipt_proxy_mt shows them through read-only views
  for i, line in ipairs(json.receipt or {}) do
    s.receipt_lines[i] = line
    s.api_lines[line] = i
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
  if state.phase == "pre" then check_invariants() else state.phase = "done" end
  return true
end

local function export_audit()
  return state.audit
end

--- The audit trail so far (also after a failed hook).
function H.audit()
  return state and state.audit or {}
end

--- The basket and fields after the pre-API hooks, as plain tables. A product of the API that
--- no hook changed is exported as its index (the host keeps its JSON as it was).
function H.export()
  local products = {}
  for i, p in ipairs(state.products) do
    local view, origin = product_view[p], product_origin[p]
    if origin and not state.changed[p] then
      products[i] = origin
    else
      local fields = {}
      if origin then
        -- the host keeps every other field from the JSON it received
        for field in next, WRITABLE_PRODUCT_FIELDS do fields[field] = view[field] end
      else
        for k, v in next, view do fields[k] = v end
      end
      products[i] = { origin = origin, fields = fields }
    end
  end
  return { products = products, fields = state.tx_fields, audit = export_audit() }
end

--- The receipt after on_receipt, as plain tables (API lines by index). Script lines are read
--- raw, so no script code runs while the receipt is exported.
function H.export_receipt()
  local lines, i = {}, 0
  local function complain(message)
    error(sformat("on_receipt left receipt line %d invalid: %s", i, message), 0)
  end
  for index = 1, rawlen(state.receipt_lines) do
    i = index
    local line = rawget(state.receipt_lines, i)
    local api_index = state.api_lines[line]
    if api_index then
      lines[i] = { api_index = api_index }
    else
      lines[i] = { line = checked_line(line, complain) }
    end
  end
  return { lines = lines, audit = export_audit() }
end

H.allocate, H.percent, H.format_money = allocate, percent_of, format_money
return H
"""#
}
