import SmartTransactions
import Testing

@Suite("The API's error payload")
struct APIErrorPayloadTests {
    @Test("code is read from a number or a string", arguments: [#""2003""#, "2003"])
    func documentedExample(code: String) throws {
        let payload = try APIErrorPayload(json: JSON.parse("""
        {"status": "error", "error": "ProductNotAllowedException", "error_details": "Valid auth token required",
         "error_user": "Bitte melden Sie sich erneut an.", "code": \(code), "supportId": "9c3fba2e1c5a4c0b", "extra": [1]}
        """))
        #expect(payload.status == "error")
        #expect(payload.error == "ProductNotAllowedException")
        #expect(payload.errorDetails == "Valid auth token required")
        #expect(payload.errorUser == "Bitte melden Sie sich erneut an.")
        #expect(payload.code == 2003)
        #expect(payload.supportID == "9c3fba2e1c5a4c0b")
        #expect(payload.json["extra"] == [1])
        #expect(payload.description == "ProductNotAllowedException (code 2003): Valid auth token required")
    }

    @Test func aNewPayloadHasTheAPIsShape() {
        let payload = APIErrorPayload(error: "ProductNotFoundException", details: "Unknown id", user: nil, code: nil, supportID: nil)
        #expect(JSON.string(payload.json) ==
            #"{"status":"error","error":"ProductNotFoundException","error_details":"Unknown id","error_user":null,"code":null,"supportId":null}"#)
    }

    @Test func aCodeThatIsNotANumberIsAnError() {
        #expect(throws: JSONDecodingError.self) { try APIErrorPayload(json: ["status": "error", "code": "E12"]) }
    }
}
