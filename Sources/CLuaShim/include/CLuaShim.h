#ifndef CLUASHIM_H
#define CLUASHIM_H
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
/* Placeholder: the Lua-embedding issue replaces this file. */
static inline int stx_placeholder(lua_State *L) { return lua_gettop(L); }
#endif
