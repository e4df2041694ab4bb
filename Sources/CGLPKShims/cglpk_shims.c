// Calls GLPK with an error hook that longjmps back here, so that a GLPK error (which would call
// abort()) becomes a return code. No Swift frame ever sits between setjmp and the GLPK call.
#include "cglpk_shims.h"

#include <math.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

enum { TAIL_CAPACITY = 4096, NAME_CAPACITY = 256 };

static _Thread_local jmp_buf *active_jump = NULL;
// Generations are unique across the process, so a handle never matches the environment of a later
// thread that happens to reuse its creator's thread id. 0 means "not yet assigned".
static atomic_ulong last_generation = 0;
static _Thread_local unsigned long generation = 0;
static atomic_ulong last_thread_token = 0;
static _Thread_local unsigned long thread_token = 0;
static _Thread_local char output_tail[TAIL_CAPACITY];
static _Thread_local size_t output_length = 0;
static _Thread_local char last_error[TAIL_CAPACITY];
static _Thread_local cglpk_message_handler message_handler = NULL;
static _Thread_local void *message_context = NULL;

// Keeps the end of what GLPK printed during the current call: its error message is the last thing.
static void remember_output(const char *text) {
    size_t length = strlen(text);
    if (length >= TAIL_CAPACITY) {
        text += length - (TAIL_CAPACITY - 1);
        length = TAIL_CAPACITY - 1;
    }
    if (output_length + length >= TAIL_CAPACITY) {
        size_t drop = output_length + length - (TAIL_CAPACITY - 1);
        memmove(output_tail, output_tail + drop, output_length - drop);
        output_length -= drop;
    }
    memcpy(output_tail + output_length, text, length);
    output_length += length;
    output_tail[output_length] = '\0';
}

static int on_terminal_output(void *info, const char *text) {
    (void)info;
    remember_output(text);
    if (message_handler != NULL) {
        message_handler(message_context, text);
    }
    return 1;  // never let GLPK print to stdout itself
}

static void on_error(void *info) {
    (void)info;
    if (active_jump == NULL) {
        return;  // outside a guarded call nothing can catch it; GLPK aborts as it always would
    }
    memcpy(last_error, output_tail, output_length + 1);
    generation = atomic_fetch_add(&last_generation, 1) + 1;
    glp_free_env();
    longjmp(*active_jump, 1);
}

static void begin_call(void) {
    output_length = 0;
    output_tail[0] = '\0';
    glp_term_hook(on_terminal_output, NULL);
    glp_error_hook(on_error, NULL);
}

// Runs the statements under the guard (variadic, so commas inside braces are fine). Locals read after an error must not be modified inside.
#define GUARDED(...)                            \
    do {                                        \
        jmp_buf jump;                           \
        jmp_buf *volatile outer = active_jump;  \
        begin_call();                           \
        if (setjmp(jump) != 0) {                \
            active_jump = outer;                \
            return CGLPK_ERROR;                 \
        }                                       \
        active_jump = &jump;                    \
        __VA_ARGS__;                            \
        active_jump = outer;                    \
        return CGLPK_OK;                        \
    } while (0)

unsigned long cglpk_generation(void) {
    if (generation == 0) generation = atomic_fetch_add(&last_generation, 1) + 1;
    return generation;
}

unsigned long cglpk_thread_token(void) {
    if (thread_token == 0) thread_token = atomic_fetch_add(&last_thread_token, 1) + 1;
    return thread_token;
}

const char *cglpk_last_error(void) { return last_error; }

void cglpk_set_message_handler(cglpk_message_handler handler, void *context) {
    message_handler = handler;
    message_context = context;
}

void cglpk_release_environment(void) {
    generation = atomic_fetch_add(&last_generation, 1) + 1;
    glp_free_env();
}

int cglpk_create_problem(glp_prob **problem) { GUARDED(*problem = glp_create_prob()); }

int cglpk_delete_problem(glp_prob *problem) { GUARDED(glp_delete_prob(problem)); }

static const char *next_name(const char *name) { return name + strlen(name) + 1; }

int cglpk_load(glp_prob *problem, const char *name, int direction, double objective_constant,
               int rows, const int *row_types, const double *row_lower, const double *row_upper,
               const char *row_names, int columns, const int *column_types,
               const double *column_lower, const double *column_upper, const int *column_kinds,
               const double *objective, const char *column_names, int nonzeros,
               const int *entry_rows, const int *entry_columns, const double *entry_values) {
    GUARDED({
        glp_erase_prob(problem);
        if (name != NULL) glp_set_prob_name(problem, name);
        glp_set_obj_dir(problem, direction);
        glp_set_obj_coef(problem, 0, objective_constant);
        if (rows > 0) glp_add_rows(problem, rows);
        if (columns > 0) glp_add_cols(problem, columns);
        const char *row_name = row_names;
        for (int i = 1; i <= rows; i++) {
            glp_set_row_bnds(problem, i, row_types[i], row_lower[i], row_upper[i]);
            if (row_name != NULL) {
                if (*row_name != '\0') glp_set_row_name(problem, i, row_name);
                row_name = next_name(row_name);
            }
        }
        const char *column_name = column_names;
        for (int j = 1; j <= columns; j++) {
            glp_set_col_kind(problem, j, column_kinds[j]);
            glp_set_col_bnds(problem, j, column_types[j], column_lower[j],
                             column_upper[j]);
            glp_set_obj_coef(problem, j, objective[j]);
            if (column_name != NULL) {
                if (*column_name != '\0') glp_set_col_name(problem, j, column_name);
                column_name = next_name(column_name);
            }
        }
        if (nonzeros > 0) {
            glp_load_matrix(problem, nonzeros, entry_rows, entry_columns,
                            entry_values);
        }
    });
}

int cglpk_add_columns(glp_prob *problem, int count, const int *types, const double *lower,
                      const double *upper, const int *kinds, const double *objective,
                      const char *names, const int *starts, const int *entry_rows,
                      const double *entry_values) {
    GUARDED({
        int first = glp_add_cols(problem, count);
        const char *name = names;
        for (int k = 0; k < count; k++) {
            int j = first + k;
            glp_set_col_kind(problem, j, kinds[k + 1]);
            glp_set_col_bnds(problem, j, types[k + 1], lower[k + 1], upper[k + 1]);
            glp_set_obj_coef(problem, j, objective[k + 1]);
            if (name != NULL) {
                if (*name != '\0') glp_set_col_name(problem, j, name);
                name = next_name(name);
            }
            int length = starts[k + 1] - starts[k];
            if (length > 0) {
                // glp_set_mat_col reads ind[1..len]: point one before this column's first entry.
                glp_set_mat_col(problem, j, length, entry_rows + starts[k] - 1,
                                entry_values + starts[k] - 1);
            }
        }
    });
}

int cglpk_set_column_bounds(glp_prob *problem, int count, const int *indices, const int *types,
                            const double *lower, const double *upper) {
    GUARDED(for (int k = 0; k < count; k++) {
        glp_set_col_bnds(problem, indices[k], types[k], lower[k], upper[k]);
    });
}

int cglpk_set_row_bounds(glp_prob *problem, int count, const int *indices, const int *types,
                         const double *lower, const double *upper) {
    GUARDED(for (int k = 0; k < count; k++) {
        glp_set_row_bnds(problem, indices[k], types[k], lower[k], upper[k]);
    });
}

int cglpk_set_objective(glp_prob *problem, int count, const int *indices, const double *values) {
    GUARDED(for (int k = 0; k < count; k++) { glp_set_obj_coef(problem, indices[k], values[k]); });
}

int cglpk_simplex(glp_prob *problem, const glp_smcp *parameters, int *code) {
    GUARDED(*code = glp_simplex(problem, parameters));
}

int cglpk_exact(glp_prob *problem, const glp_smcp *parameters, int *code) {
    GUARDED(*code = glp_exact(problem, parameters));
}

int cglpk_interior(glp_prob *problem, const glp_iptcp *parameters, int *code) {
    GUARDED(*code = glp_interior(problem, parameters));
}

typedef struct {
    const double *start;
    int offered;
    double best_bound;
} branch_and_cut_state;

static void on_branch_and_cut_event(glp_tree *tree, void *info) {
    branch_and_cut_state *state = info;
    int node = glp_ios_best_node(tree);
    if (node != 0) {
        state->best_bound = glp_ios_node_bound(tree, node);
    }
    if (glp_ios_reason(tree) == GLP_IHEUR && state->start != NULL && !state->offered) {
        state->offered = 1;
        glp_ios_heur_sol(tree, state->start);
    }
}

int cglpk_intopt(glp_prob *problem, const glp_iocp *parameters, const double *start, int *code,
                 double *best_bound) {
    GUARDED({
        branch_and_cut_state state = {start, 0, NAN};
        glp_iocp own = *parameters;
        own.cb_func = on_branch_and_cut_event;
        own.cb_info = &state;
        *code = glp_intopt(problem, &own);
        *best_bound = state.best_bound;
    });
}

int cglpk_read_solution(glp_prob *problem, int kind, int *status, double *objective,
                        double *column_values, double *column_duals, double *row_values,
                        double *row_duals) {
    GUARDED({
        int rows = glp_get_num_rows(problem);
        int columns = glp_get_num_cols(problem);
        switch (kind) {
        case 0:
            *status = glp_get_status(problem);
            *objective = glp_get_obj_val(problem);
            for (int j = 1; j <= columns; j++) {
                if (column_values) column_values[j - 1] = glp_get_col_prim(problem, j);
                if (column_duals) column_duals[j - 1] = glp_get_col_dual(problem, j);
            }
            for (int i = 1; i <= rows; i++) {
                if (row_values) row_values[i - 1] = glp_get_row_prim(problem, i);
                if (row_duals) row_duals[i - 1] = glp_get_row_dual(problem, i);
            }
            break;
        case 1:
            *status = glp_ipt_status(problem);
            *objective = glp_ipt_obj_val(problem);
            for (int j = 1; j <= columns; j++) {
                if (column_values) column_values[j - 1] = glp_ipt_col_prim(problem, j);
                if (column_duals) column_duals[j - 1] = glp_ipt_col_dual(problem, j);
            }
            for (int i = 1; i <= rows; i++) {
                if (row_values) row_values[i - 1] = glp_ipt_row_prim(problem, i);
                if (row_duals) row_duals[i - 1] = glp_ipt_row_dual(problem, i);
            }
            break;
        default:
            *status = glp_mip_status(problem);
            *objective = glp_mip_obj_val(problem);
            for (int j = 1; j <= columns; j++) {
                if (column_values) column_values[j - 1] = glp_mip_col_val(problem, j);
            }
            for (int i = 1; i <= rows; i++) {
                if (row_values) row_values[i - 1] = glp_mip_row_val(problem, i);
            }
            break;
        }
    });
}

int cglpk_iteration_count(glp_prob *problem, int *count) {
    GUARDED(*count = glp_get_it_cnt(problem));
}

int cglpk_get_basis(glp_prob *problem, int *row_status, int *column_status) {
    GUARDED({
        int rows = glp_get_num_rows(problem);
        int columns = glp_get_num_cols(problem);
        for (int i = 1; i <= rows; i++) row_status[i - 1] = glp_get_row_stat(problem, i);
        for (int j = 1; j <= columns; j++) column_status[j - 1] = glp_get_col_stat(problem, j);
    });
}

int cglpk_set_basis(glp_prob *problem, const int *row_status, const int *column_status) {
    GUARDED({
        int rows = glp_get_num_rows(problem);
        int columns = glp_get_num_cols(problem);
        for (int i = 1; i <= rows; i++) glp_set_row_stat(problem, i, row_status[i - 1]);
        for (int j = 1; j <= columns; j++) glp_set_col_stat(problem, j, column_status[j - 1]);
    });
}

int cglpk_standard_basis(glp_prob *problem) { GUARDED(glp_std_basis(problem)); }

int cglpk_write_mps(glp_prob *problem, const char *path, int *code) {
    GUARDED(*code = glp_write_mps(problem, GLP_MPS_FILE, NULL, path));
}

int cglpk_write_lp(glp_prob *problem, const char *path, int *code) {
    GUARDED(*code = glp_write_lp(problem, NULL, path));
}

int cglpk_read_mps(glp_prob *problem, const char *path, int *code) {
    GUARDED(*code = glp_read_mps(problem, GLP_MPS_FILE, NULL, path));
}

int cglpk_read_lp(glp_prob *problem, const char *path, int *code) {
    GUARDED(*code = glp_read_lp(problem, NULL, path));
}

int cglpk_sizes(glp_prob *problem, int *rows, int *columns, int *nonzeros) {
    GUARDED({
        *rows = glp_get_num_rows(problem);
        *columns = glp_get_num_cols(problem);
        *nonzeros = glp_get_num_nz(problem);
    });
}

static void copy_name(char *buffer, const char *name) {
    if (name == NULL) {
        buffer[0] = '\0';
    } else {
        strncpy(buffer, name, NAME_CAPACITY - 1);
        buffer[NAME_CAPACITY - 1] = '\0';
    }
}

int cglpk_extract(glp_prob *problem, int *direction, double *objective_constant, int *row_types,
                  double *row_lower, double *row_upper, int *column_types, double *column_lower,
                  double *column_upper, int *column_kinds, double *objective, int *entry_rows,
                  int *entry_columns, double *entry_values, char *row_names, char *column_names) {
    GUARDED({
        int rows = glp_get_num_rows(problem);
        int columns = glp_get_num_cols(problem);
        *direction = glp_get_obj_dir(problem);
        *objective_constant = glp_get_obj_coef(problem, 0);
        for (int i = 1; i <= rows; i++) {
            row_types[i - 1] = glp_get_row_type(problem, i);
            row_lower[i - 1] = glp_get_row_lb(problem, i);
            row_upper[i - 1] = glp_get_row_ub(problem, i);
            copy_name(row_names + (size_t)(i - 1) * NAME_CAPACITY, glp_get_row_name(problem, i));
        }
        // glp_get_mat_col writes ind[1..len]: give it room from one before the next free slot.
        int *index = malloc(sizeof(int) * (size_t)(rows + 1));
        double *value = malloc(sizeof(double) * (size_t)(rows + 1));
        int position = 0;
        for (int j = 1; j <= columns; j++) {
            column_types[j - 1] = glp_get_col_type(problem, j);
            column_lower[j - 1] = glp_get_col_lb(problem, j);
            column_upper[j - 1] = glp_get_col_ub(problem, j);
            column_kinds[j - 1] = glp_get_col_kind(problem, j);
            objective[j - 1] = glp_get_obj_coef(problem, j);
            copy_name(column_names + (size_t)(j - 1) * NAME_CAPACITY, glp_get_col_name(problem, j));
            int length = glp_get_mat_col(problem, j, index, value);
            for (int k = 1; k <= length; k++) {
                entry_rows[position] = index[k];
                entry_columns[position] = j;
                entry_values[position] = value[k];
                position++;
            }
        }
        free(index);
        free(value);
    });
}

int cglpk_provoke_error(glp_prob *problem) {
    GUARDED(glp_set_col_bnds(problem, glp_get_num_cols(problem) + 1, GLP_FR, 0.0, 0.0));
}
