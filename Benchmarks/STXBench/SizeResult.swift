/// The figures of one basket size.
struct SizeResult {
    var size: Int
    /// Median µs per checkout: stx on decoded values (prepare + customizeReceipt).
    var withoutJSON: Double
    /// Median µs per checkout: stx from JSON text to JSON text.
    var endToEnd: Double
    /// Median µs per checkout: the same rules in lua5.4 on plain tables.
    var pure: Double?
    /// The heap one live engine holds.
    var memory: SandboxMemory
}
