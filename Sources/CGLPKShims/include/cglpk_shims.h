#ifndef CGLPK_SHIMS_H
#define CGLPK_SHIMS_H

#include <glpk.h>

/* Every function below that returns int returns CGLPK_OK, or CGLPK_ERROR when GLPK reported an
 * error (which would otherwise abort the process). After CGLPK_ERROR, GLPK has freed every object
 * of the calling thread: cglpk_generation() has changed and handles made before are dead.
 * GLPK's message is in cglpk_last_error(). Arrays are 1-based where GLPK's are (element 0 unused),
 * and 0-based where the comment says so. */
enum { CGLPK_OK = 0, CGLPK_ERROR = -1 };

/** Receives GLPK's terminal output on the calling thread. It must not call GLPK. */
typedef void (*cglpk_message_handler)(void *context, const char *text);

/* Thread state: GLPK's environment is thread-local, and so is everything here. */
unsigned long cglpk_generation(void);
/** A number unique to the calling thread for the life of the process (thread ids are reused). */
unsigned long cglpk_thread_token(void);
const char *cglpk_last_error(void);
void cglpk_set_message_handler(cglpk_message_handler handler, void *context);
void cglpk_release_environment(void);

/* Problems. */
int cglpk_create_problem(glp_prob **problem);
int cglpk_delete_problem(glp_prob *problem);

/** Loads a whole model from flat 1-based arrays in one call. Names: NUL-separated, one per row or
 * column, or NULL for none. */
int cglpk_load(glp_prob *problem, const char *name, int direction, double objective_constant,
               int rows, const int *row_types, const double *row_lower, const double *row_upper,
               const char *row_names, int columns, const int *column_types,
               const double *column_lower, const double *column_upper, const int *column_kinds,
               const double *objective, const char *column_names, int nonzeros,
               const int *entry_rows, const int *entry_columns, const double *entry_values);

/** Appends columns; column k (0-based) has its entries at positions starts[k]..<starts[k+1] of the
 * 1-based entry arrays. Attributes are 1-based over the new columns. */
int cglpk_add_columns(glp_prob *problem, int count, const int *types, const double *lower,
                      const double *upper, const int *kinds, const double *objective,
                      const char *names, const int *starts, const int *entry_rows,
                      const double *entry_values);

/** Changes bounds of the given columns or rows; all arrays 0-based, indices 1-based. */
int cglpk_set_column_bounds(glp_prob *problem, int count, const int *indices, const int *types,
                            const double *lower, const double *upper);
int cglpk_set_row_bounds(glp_prob *problem, int count, const int *indices, const int *types,
                         const double *lower, const double *upper);
int cglpk_set_objective(glp_prob *problem, int count, const int *indices, const double *values);

/* Solving: `code` receives the solver's own return code. */
int cglpk_simplex(glp_prob *problem, const glp_smcp *parameters, int *code);
int cglpk_exact(glp_prob *problem, const glp_smcp *parameters, int *code);
int cglpk_interior(glp_prob *problem, const glp_iptcp *parameters, int *code);
/** Branch-and-cut. `start` (1-based over columns, or NULL) is offered once as a heuristic
 * solution. `best_bound` receives the best bound of the open nodes seen last (NaN if none). */
int cglpk_intopt(glp_prob *problem, const glp_iocp *parameters, const double *start, int *code,
                 double *best_bound);

/* Solutions: kind 0 simplex, 1 interior point, 2 MIP. Output arrays 0-based; any may be NULL. */
int cglpk_read_solution(glp_prob *problem, int kind, int *status, double *objective,
                        double *column_values, double *column_duals, double *row_values,
                        double *row_duals);
int cglpk_iteration_count(glp_prob *problem, int *count);

/* Basis: statuses 0-based. */
int cglpk_get_basis(glp_prob *problem, int *row_status, int *column_status);
int cglpk_set_basis(glp_prob *problem, const int *row_status, const int *column_status);
int cglpk_standard_basis(glp_prob *problem);

/* Files: `code` receives GLPK's return code (non-zero: could not write or read). */
int cglpk_write_mps(glp_prob *problem, const char *path, int *code);
int cglpk_write_lp(glp_prob *problem, const char *path, int *code);
int cglpk_read_mps(glp_prob *problem, const char *path, int *code);
int cglpk_read_lp(glp_prob *problem, const char *path, int *code);

/* Reading a model back: sizes, then everything in 0-based arrays (indices in entries 1-based).
 * Names: each row's and column's name is written to the given buffers of 256 bytes each. */
int cglpk_sizes(glp_prob *problem, int *rows, int *columns, int *nonzeros);
int cglpk_extract(glp_prob *problem, int *direction, double *objective_constant, int *row_types,
                  double *row_lower, double *row_upper, int *column_types, double *column_lower,
                  double *column_upper, int *column_kinds, double *objective, int *entry_rows,
                  int *entry_columns, double *entry_values, char *row_names, char *column_names);

/* For tests: provokes a genuine GLPK error (a column index out of range) under the guard. */
int cglpk_provoke_error(glp_prob *problem);

#endif
