import Foundation
import Testing

@testable import Secuconnect

@Suite("Decoding answers")
struct ResponseDecodingTests {
    @Test("an error payload decodes into every typed field, code given as a string or a number")
    func errorPayload() {
        for code in [#""2003""#, "2003"] {
            let body = #"{"status":"error","error":"ProductNotAllowedException","error_details":"Valid auth token required","error_user":"Zugriff verweigert","code":\#(code),"supportId":"abc123"}"#
            let error = APIReply.error(HTTPReply(status: 403, body: Data(body.utf8)), operation: "read", hiding: [])
            #expect(
                error == .api(
                    SecuconnectAPIError(
                        httpStatus: 403, status: "error", error: "ProductNotAllowedException",
                        errorDetails: "Valid auth token required", errorUser: "Zugriff verweigert", code: 2003,
                        supportID: "abc123")))
        }
    }

    @Test("empty and non-JSON bodies become unexpectedResponse with the status and a short excerpt")
    func nonJSON() {
        let empty = APIReply.error(HTTPReply(status: 502, body: Data()), operation: "create", hiding: [])
        #expect(empty == .unexpectedResponse(operation: "create", httpStatus: 502, reason: "an empty body"))
        let html = Data(("<html>" + String(repeating: "x", count: 500) + "</html>").utf8)
        guard case .unexpectedResponse(_, 500, let reason) = APIReply.error(
            HTTPReply(status: 500, body: html), operation: "create", hiding: [])
        else {
            Issue.record("a non-JSON body must be an unexpected response")
            return
        }
        #expect(reason.contains("<html>"))
        #expect(reason.count < 200)
        #expect(throws: SecuconnectError.self) {
            try APIReply.transaction(HTTPReply(status: 200, body: Data("ok".utf8)), operation: "read", hiding: [])
        }
    }

    @Test("a body that echoes a secret is redacted in the error")
    func echoedSecretIsRedacted() {
        let body = Data("bad request: client_secret=TOPSECRET-42&grant_type=x".utf8)
        let error = APIReply.error(HTTPReply(status: 400, body: body), operation: "login", hiding: [Secret("TOPSECRET-42")])
        #expect(!"\(error)".contains("TOPSECRET-42"))
        #expect("\(error)".contains("<redacted>"))
    }

    @Test("401, and 403 ProductNotAllowedException, are token refusals; other 403s are not")
    func tokenRefusal() {
        #expect(APIReply.isTokenRefusal(HTTPReply(status: 401, body: Data())))
        #expect(APIReply.isTokenRefusal(HTTPReply(status: 403, body: Data(#"{"status":"error","error":"ProductNotAllowedException"}"#.utf8))))
        #expect(!APIReply.isTokenRefusal(HTTPReply(status: 403, body: Data(#"{"status":"error","error":"OtherException"}"#.utf8))))
        #expect(!APIReply.isTokenRefusal(HTTPReply(status: 404, body: Data())))
    }
}
