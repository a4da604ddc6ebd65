import Lua
import PropertyBased
import PropertyChecks
import Testing

/// Values in both directions: Swift → Lua (checked by Lua code) and Lua → Swift (checked in Swift).
@Suite struct ValueConversionTests {
    /// A sandbox with `id(...)` (returns its arguments) and `describe(v)` (Lua's view of a value).
    static func sandbox() throws -> LuaSandbox {
        let sandbox = try LuaSandbox()
        let chunk = try sandbox.compile("""
            function id(...) return ... end
            function describe(v)
              if type(v) == "number" then return math.type(v) .. ":" .. tostring(v) end
              if type(v) == "string" then return "string:" .. #v end
              return type(v) .. ":" .. tostring(v)
            end
            """, chunkName: "helpers.lua")
        _ = try sandbox.run(chunk)
        return sandbox
    }

    func evaluate(_ expression: String) throws -> LuaValue {
        let sandbox = try Self.sandbox()
        return try sandbox.run(sandbox.compile("return \(expression)", chunkName: "expr.lua")).first ?? .nil
    }

    func describe(_ value: LuaValue) throws -> String? {
        try Self.sandbox().call(global: "describe", [value]).first?.stringValue
    }

    @Test func scalarsFromLua() throws {
        #expect(try evaluate("nil") == .nil)
        #expect(try evaluate("true") == .boolean(true))
        #expect(try evaluate("false") == .boolean(false))
        #expect(try evaluate("42") == .integer(42))
        #expect(try evaluate("math.maxinteger") == .integer(Int.max))
        #expect(try evaluate("math.mininteger") == .integer(Int.min))
        #expect(try evaluate("2.0") == .number(2.0))
        #expect(try evaluate("7 / 2") == .number(3.5))
        #expect(try evaluate("7 // 2") == .integer(3))
        #expect(try evaluate("'hé'") == .string("hé"))
    }

    @Test func aFloatNeverBecomesAnInteger() throws {
        let value = try evaluate("100.0")
        #expect(value == .number(100.0))
        #expect(value.integerValue == nil)
        #expect(value.doubleValue == 100.0)
    }

    @Test func scalarsIntoLua() throws {
        #expect(try describe(.nil) == "nil:nil")
        #expect(try describe(.boolean(true)) == "boolean:true")
        #expect(try describe(.integer(Int.max)) == "integer:\(Int.max)")
        #expect(try describe(.integer(Int.min)) == "integer:\(Int.min)")
        #expect(try describe(.number(2.0)) == "float:2.0")
        #expect(try describe(.number(-0.5)) == "float:-0.5")
        #expect(try describe(.string("abc")) == "string:3")
    }

    @Test func stringBytesSurviveBothWays() throws {
        let bytes: [UInt8] = [0x61, 0x00, 0xFF, 0xC3, 0x28, 0x0A]
        let sandbox = try Self.sandbox()
        let back = try sandbox.call(global: "id", [.string(LuaString(bytes: bytes))])
        #expect(back == [.string(LuaString(bytes: bytes))])
        #expect(back.first?.stringValue == nil, "invalid UTF-8 has no String form")
        #expect(try describe(.string(LuaString(bytes: bytes))) == "string:6")
        #expect(try evaluate("'a\\0b'") == .string(LuaString(bytes: [0x61, 0, 0x62])))
    }

    @Test func tablesFromLuaSplitSequenceAndFields() throws {
        let value = try evaluate("{10, 20, 30, name = 'x', [5] = 50, [2.5] = 'f', nested = {true}}")
        let table = try #require(value.tableValue)
        #expect(table.sequence == [10, 20, 30])
        #expect(table["name"] == "x")
        #expect(table[.integer(5)] == 50, "after a hole, integer keys are fields")
        #expect(table[.number(2.5)] == "f")
        #expect(table["nested"] == [true])
        #expect(table.fields.count == 4)
    }

    @Test func tablesIntoLua() throws {
        let sandbox = try Self.sandbox()
        _ = try sandbox.run(sandbox.compile("""
            function check(t)
              return #t, t[1], t[3], t.name, math.type(t[2]), t.inner.deep[1], t[true]
            end
            """, chunkName: "check.lua"))
        let table: LuaValue = .table(LuaTable(
            sequence: [1, 2.5, "three"],
            fields: ["name": "basket", "inner": ["deep": [99]], true: "yes", .nil: "dropped", .number(.nan): "dropped"]
        ))
        let results = try sandbox.call(global: "check", [table])
        #expect(results == [3, 1, "three", "basket", "float", 99, "yes"])
    }

    @Test func functionsAndCoroutinesHaveNoSwiftForm() throws {
        #expect(try evaluate("print") == .nil)
        let table = try #require(try evaluate("{1, f = print, co = coroutine.create(print)}").tableValue)
        #expect(table == LuaTable(sequence: [1]))
    }

    @Test func aTableThatContainsItselfIsAHostError() throws {
        let sandbox = try Self.sandbox()
        #expect(throws: LuaError.self) {
            try sandbox.run(sandbox.compile("local t = {} t.self = t return t", chunkName: "cycle.lua"))
        }
        let shared = try sandbox.run(sandbox.compile("local s = {1} return {s, s}", chunkName: "dag.lua"))
        #expect(shared == [[[1], [1]]], "a table reached twice (no cycle) is copied twice")
        #expect(try sandbox.run(sandbox.compile("return 1", chunkName: "after.lua")) == [1])
    }

    @Test func tooDeepNestingIsAHostError() throws {
        let sandbox = try Self.sandbox()
        do {
            _ = try sandbox.run(sandbox.compile(
                "local t = {} for i = 1, 1000 do t = {t} end return t", chunkName: "deep.lua"))
            Issue.record("expected an error")
        } catch {
            guard case .host(let message) = error else { Issue.record("got \(error)"); return }
            #expect(message.contains("nested deeper"))
        }
    }

    @Test func integersRoundTrip() async throws {
        let sandbox = try Self.sandbox()
        await propertyCheck(input: Gen.int()) { number in
            failOnThrow { () throws in
                #expect(try sandbox.call(global: "id", [.integer(number)]) == [.integer(number)])
            }
        }
    }

    @Test func doublesRoundTripAndStayFloats() async throws {
        let sandbox = try Self.sandbox()
        await propertyCheck(input: Gen.double(in: -1e300 ... 1e300)) { number in
            failOnThrow { () throws in
                #expect(try sandbox.call(global: "id", [.number(number)]) == [.number(number)])
                let kind = try sandbox.call(global: "describe", [.number(number)]).first?.stringValue
                #expect(kind?.hasPrefix("float:") == true)
            }
        }
    }

    @Test func byteStringsRoundTrip() async throws {
        let sandbox = try Self.sandbox()
        await propertyCheck(input: Gen.uint8().array(of: 0 ... 64)) { bytes in
            failOnThrow { () throws in
                let value = LuaValue.string(LuaString(bytes: bytes))
                #expect(try sandbox.call(global: "id", [value]) == [value])
            }
        }
    }

    @Test func sequencesRoundTrip() async throws {
        let sandbox = try Self.sandbox()
        await propertyCheck(input: Gen.int(in: -1000 ... 1000).array(of: 0 ... 30)) { numbers in
            failOnThrow { () throws in
                let value = LuaValue.table(LuaTable(sequence: numbers.map { .integer($0) }))
                #expect(try sandbox.call(global: "id", [value]) == [value])
            }
        }
    }
}
