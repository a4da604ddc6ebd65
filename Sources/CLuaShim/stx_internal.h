/*
 * Internal to CLuaShim: the per-state context and the metering used by the bounded library
 * functions. Not visible to Swift.
 */
#ifndef STX_INTERNAL_H
#define STX_INTERNAL_H

#include "CLuaShim.h"
#include <stdatomic.h>

/** VM instructions between two runs of the count hook. */
#define STX_HOOK_INTERVAL 1000
/** Charged units between two deadline checks in stx_charge. */
#define STX_CHECK_INTERVAL 1000
/** Bytes of C library work charged as one instruction. */
#define STX_BYTES_PER_UNIT 64

/** Per-state context, the allocator's `ud` (reach it from any thread of the state: stx_ctx). */
typedef struct stx_context {
    /* memory (bytes) */
    int64_t memory_used;
    int64_t memory_peak;
    int64_t memory_cap;
    int refused_pending;     /* a growth request was refused and none succeeded since */
    /* instructions (VM instructions plus charged C library work) */
    int64_t instructions_used;
    int64_t instruction_budget;
    int64_t next_check;      /* instructions_used at which stx_charge checks the deadline */
    /* wall clock */
    int64_t deadline_ns;     /* CLOCK_MONOTONIC; 0 = none */
    stx_limit limit_hit;
    int host_mode;           /* 1 while Swift (or setup) runs: the allocator grants every request */
    /* captured print output: records of [size_t length][bytes] */
    char *log;
    size_t log_length;
    size_t log_capacity;
    int64_t log_bytes;       /* sum of (line length + 1) */
    int64_t log_cap;
    /* Swift callbacks */
    stx_dispatch_fn dispatch;
    stx_release_fn release;
    /* thread confinement */
    _Atomic uintptr_t owner;
    int depth;
} stx_context;

/** The context of the state that `L` (any of its threads) belongs to. */
stx_context *stx_ctx(lua_State *L);

/**
 * Charges `units` of work to the instruction budget; checks the budget and, every
 * STX_CHECK_INTERVAL units, the deadline. Raises the limit error when a limit is (or was) hit.
 * [-0, +0, e]
 */
void stx_charge(lua_State *L, int64_t units);
/** Raises the error of the limit already hit, re-arming the hook so it keeps firing. [-0, +0, e] */
int stx_raise_limit(lua_State *L);

/** Installs the bounded string.find/match/gmatch/gsub/rep into the table on top. [-0, +0, m] */
void stx_install_bounded_string(lua_State *L);
/** Installs the bounded table.insert/remove/move/concat/unpack/sort into the table on top. [-0, +0, m] */
void stx_install_bounded_table(lua_State *L);

#endif
