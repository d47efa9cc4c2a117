/**
 * Non-convex baselines for the convex ReLU programs: the two-layer ReLU network
 * f(x) = Σ_j w2_j · max(0, x·w1_j) (bias through an appended column of ones, as in the convex
 * formulation) trained by mini-batch SGD or Adam on the objective with the same scaling as the
 * convex programs (spec §1.1 (NC), §1.8 first row):
 *
 * <pre>
 *   F(W1, w2) = L(f(X), y) + (β/2) Σ_j (‖w1_j‖² + w2_j²),
 *   L = ½ Σ_k (f(x_k) − y_k)²   (squared)   or   Σ_k max(0, 1 − y_k f(x_k))   (hinge).
 * </pre>
 *
 * <p>Types: {@link io.convopt.solvers.nonconvex.ReluTrainingProblem} (data),
 * {@link io.convopt.solvers.nonconvex.ReluObjective} (value and gradient, ND4J GEMMs),
 * {@link io.convopt.solvers.nonconvex.Optimiser} with {@link io.convopt.solvers.nonconvex.Sgd} and
 * {@link io.convopt.solvers.nonconvex.Adam}, {@link io.convopt.solvers.nonconvex.NonConvexConfig},
 * {@link io.convopt.solvers.nonconvex.NonConvexTrainer} and the immutable
 * {@link io.convopt.solvers.nonconvex.NonConvexResult}.
 */
package io.convopt.solvers.nonconvex;
