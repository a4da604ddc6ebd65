// One import for a merchant's rule tests: `import STXTesting` brings the rules, the builder,
// the assertions, and the types they use (transactions, money, limits, audit entries).
@_exported import CheckoutScripting
@_exported import Lua
@_exported import SmartTransactions
@_exported import STXTestingCore
