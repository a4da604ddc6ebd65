import ArgumentParser
import CheckoutScripting

/// The exit codes of design.md §4.
enum ExitStatus: Int32 {
    case ok = 0
    case usage = 2
    case scriptError = 3
    case limitExceeded = 4
    case rejected = 5
    case paymentRefused = 6

    /// The exit status for a checkout error.
    init(_ error: CheckoutError) {
        switch error {
        case .invalidInput: self = .usage
        case .script: self = .scriptError
        case .limitExceeded: self = .limitExceeded
        case .rejected: self = .rejected
        case .paymentRefused, .paymentFailed: self = .paymentRefused
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }
}
