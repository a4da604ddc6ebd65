import Testing

/// Runs one case of a property and records an error it throws as a test issue.
///
/// PropertyBased 2.0.1 runs a property's body under `try?` (with Swift 6.2 and later), so an error
/// thrown by the code under test would let the property pass without a word. Wrap every body:
///
///     await propertyCheck(input: Gen.int()) { cents in
///         failOnThrow { #expect(try Money.allocate(cents, weights: [1, 1]).count == 2) }
///     }
///
/// - Parameters:
///   - sourceLocation: Where the issue is reported (the caller).
///   - body: The property's checks.
public func failOnThrow(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
    } catch {
        Issue.record(error, "the property's code threw", sourceLocation: sourceLocation)
    }
}
