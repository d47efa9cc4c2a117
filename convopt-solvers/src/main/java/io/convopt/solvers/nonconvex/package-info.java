/**
 * Non-convex baselines for the convex ReLU programs: the two-layer ReLU network f(x) = Σ_j w2_j ·
 * max(0, x·w1_j) (bias through an appended column of ones, as in the convex formulation) trained by
 * mini-batch SGD or Adam on the objective with the same scaling as the convex programs (loss summed
 * over rows, squared loss ½-scaled):
 *
 * <pre>
 *   F(W1, w2) = L(f(X), y) + (β/2) Σ_j (‖w1_j‖² + w2_j²),
 *   L = ½ Σ_k (f(x_k) − y_k)²   (squared)   or   Σ_k max(0, 1 − y_k f(x_k))   (hinge).
 * </pre>
 *
 * <p>Types: {@link io.convopt.solvers.nonconvex.ReluTrainingProblem} (data), {@link
 * io.convopt.solvers.nonconvex.ReluObjective} (value and gradient, ND4J GEMMs), {@link
 * io.convopt.solvers.nonconvex.Optimiser} with {@link io.convopt.solvers.nonconvex.Sgd} and {@link
 * io.convopt.solvers.nonconvex.Adam}, {@link io.convopt.solvers.nonconvex.NonConvexConfig}, {@link
 * io.convopt.solvers.nonconvex.NonConvexTrainer} and the immutable {@link
 * io.convopt.solvers.nonconvex.NonConvexResult}.
 *
 * <p>Depends on ND4J only (no other package of the project), so the convex solvers and the
 * experiments can share its network and loss types.
 */
package io.convopt.solvers.nonconvex;
