import Foundation

/// A complete HTTP answer.
struct HTTPReply: Sendable {
    var status: Int
    var body: Data

    var isSuccess: Bool { (200..<300).contains(status) }
}
