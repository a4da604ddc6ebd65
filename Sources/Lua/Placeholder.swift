import CLuaShim
import CLua
func placeholderState() -> Int32 { stx_placeholder(luaL_newstate()) }
