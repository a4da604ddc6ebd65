/// A Swift function callable from Lua: receives the call's arguments and returns its results.
/// Throwing raises a Lua error at the calling line.
public typealias LuaFunctionBody = ([LuaValue]) throws(LuaCallbackError) -> [LuaValue]
