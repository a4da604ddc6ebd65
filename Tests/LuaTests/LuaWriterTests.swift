import Lua
import Testing

/// `callHost(_:writing:)`: arguments written straight onto the stack arrive as the same values
/// that `callHost(_:_:)` passes as `LuaValue`s, and a malformed entry never unbalances the stack.
@Suite struct LuaWriterTests {
    /// A sandbox whose host code returns its arguments (`echo`) and counts them (`count`).
    static func sandbox() throws -> LuaSandbox {
        let host = LuaHostCode(source: """
            return {
              echo = function(...) return ... end,
              count = function(...) return select("#", ...) end,
            }
            """, chunkName: "host.lua")
        return try LuaSandbox(hostCode: host)
    }

    @Test func scalarsArriveAsTheirLuaValues() throws {
        let sandbox = try Self.sandbox()
        let values = try sandbox.callHost("echo") { writer in
            writer.push(true)
            writer.push(-7)
            writer.push(2.0)
            writer.push("Brötchen")
            writer.pushNil()
            writer.push(LuaValue.integer(3))
        }
        #expect(values == [.boolean(true), .integer(-7), .number(2.0), .string("Brötchen"), .nil, .integer(3)])
    }

    @Test func tablesArriveAsTheValueTheyDescribe() throws {
        let sandbox = try Self.sandbox()
        let written = try sandbox.callHost("echo") { writer in
            writer.pushTable(sequenceCount: 0, fieldCount: 2) { table in
                table.set("desc") { $0.push("Brot") }
                table.set("group") { writer in
                    writer.pushTable(sequenceCount: 2, fieldCount: 0) { group in
                        group.set(1) { $0.push(10) }
                        group.set(2) { $0.push(20) }
                    }
                }
            }
        }
        let expected: LuaValue = .table(["desc": "Brot", "group": .table([10, 20])])
        #expect(written == [expected])
        #expect(try sandbox.callHost("echo", [expected]) == written)
    }

    @Test func anEntryThatPushesNoneOrTwoValuesIsLeftOut() throws {
        let sandbox = try Self.sandbox()
        let values = try sandbox.callHost("echo") { writer in
            writer.pushTable(sequenceCount: 0, fieldCount: 3) { table in
                table.set("none") { _ in }
                table.set("two") { writer in
                    writer.push(1)
                    writer.push(2)
                }
                table.set("one") { $0.push(1) }
            }
            writer.push("after")
        }
        #expect(values == [.table(["one": 1]), .string("after")])
    }

    @Test func tablesNestedTooDeeplyArriveAsNil() throws {
        let sandbox = try Self.sandbox()
        func nest(_ writer: inout LuaWriter, levels: Int) {
            guard levels > 0 else { return writer.push("bottom") }
            writer.pushTable(sequenceCount: 1, fieldCount: 0) { table in
                table.set(1) { nest(&$0, levels: levels - 1) }
            }
        }
        let count = try sandbox.callHost("count") { writer in nest(&writer, levels: 1_000) }
        #expect(count == [1])
        let shallow = try sandbox.callHost("echo") { writer in nest(&writer, levels: 2) }
        #expect(shallow == [.table([.table(["bottom"])])])
    }
}
