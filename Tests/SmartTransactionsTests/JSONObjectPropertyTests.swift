import PropertyBased
import PropertyChecks
import SmartTransactions
import Testing

/// `JSONObject` against a plain list of pairs, for objects that grow past the size where it
/// starts keeping a key index and shrink back below it.
@Suite("JSONObject behaves like an ordered list of pairs")
struct JSONObjectPropertyTests {
    /// 40 keys: enough to pass the index threshold both ways.
    private static let keySpace = 40
    /// An operation: `0..<40` sets key n, `40..<80` removes key n - 40.
    private static let operations = Gen.int(in: 0 ... 2 * keySpace - 1).array(of: 0 ... 150)

    @Test func setsAndRemovesKeepOrderAndValues() async {
        await propertyCheck(count: 500, input: Self.operations) { operations in
            failOnThrow {
                var object = JSONObject()
                var reference: [(key: String, value: Int)] = []
                for (step, operation) in operations.enumerated() {
                    let key = "k\(operation % Self.keySpace)"
                    if operation < Self.keySpace {
                        object[key] = .int(step)
                        if let index = reference.firstIndex(where: { $0.key == key }) {
                            reference[index].value = step
                        } else {
                            reference.append((key, step))
                        }
                    } else {
                        object[key] = nil
                        reference.removeAll { $0.key == key }
                    }
                }
                #expect(object.keys == reference.map(\.key))
                #expect(object.map(\.value) == reference.map { .int($0.value) })
                for number in 0 ..< Self.keySpace {
                    let key = "k\(number)"
                    let expected = reference.first { $0.key == key }.map { JSONValue.int($0.value) }
                    #expect(object[key] == expected)
                    #expect(object.contains(key) == (expected != nil))
                }
                #expect(object == JSONObject(reference.reversed().map { ($0.key, JSONValue.int($0.value)) }))
            }
        }
    }

    @Test func parsedObjectsKeepTheFirstPositionAndTheLastValueOfARepeatedKey() async throws {
        await propertyCheck(count: 500, input: Gen.int(in: 0 ... Self.keySpace - 1).array(of: 0 ... 60)) { numbers in
            failOnThrow {
                let members = numbers.enumerated().map { step, number in "\"k\(number)\":\(step)" }
                let parsed = try JSON.parse("{" + members.joined(separator: ",") + "}")
                var reference: [(key: String, value: Int)] = []
                for (step, number) in numbers.enumerated() {
                    let key = "k\(number)"
                    if let index = reference.firstIndex(where: { $0.key == key }) {
                        reference[index].value = step
                    } else {
                        reference.append((key, step))
                    }
                }
                guard case .object(let object) = parsed else {
                    Issue.record("expected an object, got \(parsed)")
                    return
                }
                #expect(object.keys == reference.map(\.key))
                #expect(object.map(\.value) == reference.map { .int($0.value) })
                for (key, value) in reference { #expect(object[key] == .int(value)) }
                #expect(object["absent"] == nil)
            }
        }
    }
}
