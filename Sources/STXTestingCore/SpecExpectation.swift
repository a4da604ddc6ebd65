import CheckoutScripting

/// What a case of a Lua rule spec expects (`expect = { ... }`).
public struct SpecExpectation: Sendable, Equatable {
    /// How a case expects the checkout to end when not with a payment.
    public enum Stop: Sendable, Equatable {
        /// `rejected = true` or `rejected = "text in the message"`.
        case rejected(String?)
        /// `error = "text in the script error"`.
        case scriptError(String)
        /// `limit = true` or `limit = "instructions" | "memory" | "time" | "output"`.
        case limit(CheckoutError.LimitKind?)
    }

    /// `sum`: the total the customer pays, in cents.
    public var sum: Int?
    /// `coupons`: the coupon lines, in basket order.
    public var coupons: [BasketLine]?
    /// `basket`: every line of the basket, in order.
    public var basket: [BasketLine]?
    /// `receipt`: texts that printed receipt lines contain, in order.
    public var receipt: [String]?
    /// `payment_method`: the start method.
    public var paymentMethod: String?
    /// `rejected`, `error` or `limit`.
    public var stop: Stop?

    /// An expectation; every part is optional.
    public init(
        sum: Int? = nil, coupons: [BasketLine]? = nil, basket: [BasketLine]? = nil, receipt: [String]? = nil,
        paymentMethod: String? = nil, stop: Stop? = nil
    ) {
        self.sum = sum
        self.coupons = coupons
        self.basket = basket
        self.receipt = receipt
        self.paymentMethod = paymentMethod
        self.stop = stop
    }

    /// The failure messages of `run` against this expectation; `[]` when it passes.
    /// - Parameter run: The checkout.
    /// - Returns: One message per unmet part.
    public func failures(of run: RuleRun) -> [String] {
        switch stop {
        case .rejected(let text)?: return [RuleCheck.rejected(run, containing: text)].compactMap { $0 }
        case .scriptError(let text)?: return [RuleCheck.scriptError(run, containing: text)].compactMap { $0 }
        case .limit(let kind)?: return [RuleCheck.limitExceeded(run, kind)].compactMap { $0 }
        case nil: break
        }
        if let stopped = RuleCheck.completed(run) { return [stopped] }
        var messages: [String?] = []
        if let sum { messages.append(RuleCheck.sum(run, equals: sum)) }
        if let coupons { messages.append(RuleCheck.coupons(run, equal: coupons)) }
        if let basket { messages.append(RuleCheck.basket(run, equals: basket)) }
        if let receipt { messages.append(RuleCheck.receipt(run, containsLines: receipt)) }
        if let paymentMethod { messages.append(RuleCheck.paymentMethod(run, is: paymentMethod)) }
        return messages.compactMap { $0 }
    }
}
