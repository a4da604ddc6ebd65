import PropertyBased
import PropertyChecks
import STXTestingCore
import Testing

@Suite("CheckoutTime")
struct CheckoutTimeTests {
    @Test("a local time becomes ISO 8601 with an offset")
    func localTimes() throws {
        #expect(try CheckoutTime.at("17:30") == "2026-11-25T17:30:00+01:00")
        #expect(try CheckoutTime.at("07:05:09") == "2026-11-25T07:05:09+01:00")
        #expect(try CheckoutTime.at("2026-07-01 09:00", utcOffset: "+02:00") == "2026-07-01T09:00:00+02:00")
        #expect(try CheckoutTime.at("2026-07-01T09:00", utcOffset: "Z") == "2026-07-01T09:00:00Z")
    }

    @Test("times that do not exist are refused with a reason", arguments: [
        "25:00", "17:60", "2026-02-29 10:00", "2026-13-01 10:00", "noon", "",
    ])
    func invalid(text: String) {
        #expect(throws: TestInputError.self) { try CheckoutTime.at(text) }
    }

    @Test("moving a time crosses minutes, days, months, years and leap days")
    func moving() throws {
        #expect(try CheckoutTime.adding(minutes: -1, to: "2026-11-25T18:00:00+01:00") == "2026-11-25T17:59:00+01:00")
        #expect(try CheckoutTime.adding(minutes: 1, to: "2026-12-31T23:59:30+01:00") == "2027-01-01T00:00:30+01:00")
        #expect(try CheckoutTime.adding(minutes: 24 * 60, to: "2028-02-28T12:00:00Z") == "2028-02-29T12:00:00Z")
        #expect(try CheckoutTime.adding(minutes: -24 * 60, to: "2026-03-01T00:00:00+01:00") == "2026-02-28T00:00:00+01:00")
        #expect(throws: TestInputError.self) { try CheckoutTime.adding(minutes: Int.max, to: "2026-03-01T00:00:00Z") }
    }

    @Test("moving by m and back by m returns the same time")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: -5_000_000...5_000_000)) { minutes in
            failOnThrow {
                let start = "2026-11-25T17:30:00+01:00"
                let moved = try CheckoutTime.adding(minutes: minutes, to: start)
                #expect(try CheckoutTime.adding(minutes: -minutes, to: moved) == start)
                #expect(moved.hasSuffix("+01:00"))
            }
        }
    }
}
