import NIOCore

extension Duration {
    /// The duration as NIO's `TimeAmount` (nanoseconds, saturating at the bounds).
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .nanoseconds(seconds < 0 ? .min : .max) }
        return .nanoseconds(nanos.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue)
    }
}
