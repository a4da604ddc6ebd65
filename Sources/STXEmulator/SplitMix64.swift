/// A small deterministic random number generator (SplitMix64), so the emulator's ids and codes
/// depend only on its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An API id such as `STX_…`: the prefix, `_` and 30 upper-case letters and digits.
    mutating func id(_ prefix: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return prefix + "_" + String((0..<30).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
    }

    /// A number in `range`.
    mutating func number(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
}
