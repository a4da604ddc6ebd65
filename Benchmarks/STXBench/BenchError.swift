/// Why the benchmark could not run, in one sentence that says what to do.
struct BenchError: Error, CustomStringConvertible {
    /// The message.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
