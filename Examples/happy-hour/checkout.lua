-- Happy hour: 20 % off drinks (19 % VAT lines) from 17:00 to 17:59 local time.
-- tx.now is the checkout time given to the run, so the rule is testable at any hour.

local FROM_HOUR, TO_HOUR = 17, 18

local function hour_of(iso)
  return tonumber(iso:match("T(%d%d):"))
end

function on_basket(tx)
  local hour = hour_of(tx.now)
  if hour == nil or hour < FROM_HOUR or hour >= TO_HOUR then
    explain("Happy Hour -20 %", ("checkout at %s is outside %02d:00-%02d:00"):format(tx.now, FROM_HOUR, TO_HOUR))
    return
  end
  tx.basket:discount{
    label = "Happy Hour -20 %",
    percent = 20,
    lines = function(p) return p.tax == 19 end,
  }
end
