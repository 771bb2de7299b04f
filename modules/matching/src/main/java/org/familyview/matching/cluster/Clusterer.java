package org.familyview.matching.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Groups linked records into people. Plain connected components would let one wrong link chain two
 * people (and then their relatives) into a giant cluster, so clustering is done in three steps:
 *
 * <ol>
 *   <li>Links are merged strongest first (must-links before all), and a merge is refused when the
 *       two groups hold a cannot-link or different NHS numbers, or would exceed the size cap. A
 *       merge is refused too when the groups hold different UPNs or PNC ids, or dates of birth that
 *       cannot both be right, unless a steward's must-link asks for it: so a chain of links can
 *       never make one person of people an identifier or a birth date tells apart, and the group
 *       splits along its weakest links (they come last). A strong link refused so (at or above the
 *       bridge weight) is raised as an alarm: a steward must decide.
 *   <li>Within each group, a link that is a bridge (its removal disconnects the group), is weaker
 *       than the bridge weight and has two or more records on each side is cut: two dense groups
 *       held by one modest link are more likely two people than one.
 *   <li>The links that did the joining are kept as the reasons each person holds together.
 * </ol>
 */
public final class Clusterer {

  private static final int MAX_ALARMS = 10_000;

  private final ClusterPolicy policy;

  public Clusterer(ClusterPolicy policy) {
    this.policy = policy;
  }

  public Clustering cluster(LinkGraph graph) {
    int n = graph.records();
    Groups groups = new Groups(n, graph);
    List<Clustering.Alarm> alarms = new ArrayList<>();
    boolean[] joined = new boolean[graph.size()];
    for (int e : strongestFirst(graph)) {
      int a = graph.left(e);
      int b = graph.right(e);
      int ra = groups.find(a);
      int rb = groups.find(b);
      if (ra == rb) {
        continue;
      }
      int combined = groups.size(ra) + groups.size(rb);
      if (combined > policy.maxClusterSize()) {
        alarm(alarms, new Clustering.SizeCapReached(a, b, combined));
        continue;
      }
      String conflict = groups.conflict(ra, rb, graph.steward(e));
      if (conflict != null) {
        if (Float.isInfinite(graph.weight(e))) {
          alarm(alarms, new Clustering.ConstraintConflict(a, b, conflict));
        } else if (graph.weight(e) >= policy.bridgeWeight()) {
          alarm(alarms, Clustering.ConstraintConflict.refusedLink(a, b, graph.weight(e), conflict));
        }
        continue;
      }
      groups.union(ra, rb);
      joined[e] = true;
    }
    cutWeakBridges(graph, groups, joined, alarms);
    return finish(graph, joined, alarms);
  }

  /** Edge indices by descending weight, sorted as packed longs rather than boxed integers. */
  private static int[] strongestFirst(LinkGraph graph) {
    long[] keys = new long[graph.size()];
    for (int e = 0; e < keys.length; e++) {
      // The usual order-preserving float-to-int encoding, on the negated weight: ascending keys
      // are descending weights, must-links (infinite weight) first.
      int bits = Float.floatToIntBits(-graph.weight(e));
      int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
      keys[e] = ((long) sortable << 32) | e;
    }
    Arrays.parallelSort(keys);
    int[] order = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }

  private static void alarm(List<Clustering.Alarm> alarms, Clustering.Alarm alarm) {
    if (alarms.size() < MAX_ALARMS) {
      alarms.add(alarm);
    }
  }

  private void cutWeakBridges(
      LinkGraph graph, Groups groups, boolean[] joined, List<Clustering.Alarm> alarms) {
    Map<Integer, List<Integer>> edgesByGroup = new HashMap<>();
    for (int e = 0; e < graph.size(); e++) {
      int root = groups.find(graph.left(e));
      if (root == groups.find(graph.right(e)) && groups.size(root) >= 4) {
        edgesByGroup.computeIfAbsent(root, r -> new ArrayList<>()).add(e);
      }
    }
    for (List<Integer> edges : edgesByGroup.values()) {
      List<Integer> remaining = new ArrayList<>(edges);
      while (true) {
        int cut = weakestCuttableBridge(graph, remaining);
        if (cut < 0) {
          break;
        }
        remaining.remove(Integer.valueOf(cut));
        joined[cut] = false;
        alarm(
            alarms, new Clustering.BridgeCut(graph.left(cut), graph.right(cut), graph.weight(cut)));
      }
    }
  }

  /**
   * Finds bridges by Tarjan's low-link depth-first search (Tarjan 1974) over one group's links, and
   * returns the weakest that may be cut, or -1.
   */
  private int weakestCuttableBridge(LinkGraph graph, List<Integer> edges) {
    List<List<int[]>> adjacency = adjacency(graph, edges);
    int n = adjacency.size();
    int[] discovered = new int[n];
    int[] low = new int[n];
    int[] subtree = new int[n];
    Arrays.fill(discovered, -1);
    int best = -1;
    float bestWeight = Float.POSITIVE_INFINITY;
    int clock = 0;
    for (int start = 0; start < n; start++) {
      if (discovered[start] >= 0) {
        continue;
      }
      int componentSize = componentSize(adjacency, start);
      // Iterative DFS: stack of (node, parent edge, next neighbour index).
      int[][] stack = new int[n][];
      int top = 0;
      stack[top++] = new int[] {start, -1, 0};
      discovered[start] = low[start] = clock++;
      subtree[start] = 1;
      while (top > 0) {
        int[] frame = stack[top - 1];
        int node = frame[0];
        List<int[]> neighbours = adjacency.get(node);
        if (frame[2] < neighbours.size()) {
          int[] next = neighbours.get(frame[2]++);
          if (next[1] == frame[1]) {
            continue;
          }
          if (discovered[next[0]] < 0) {
            discovered[next[0]] = low[next[0]] = clock++;
            subtree[next[0]] = 1;
            stack[top++] = new int[] {next[0], next[1], 0};
          } else {
            low[node] = Math.min(low[node], discovered[next[0]]);
          }
        } else {
          top--;
          if (top > 0) {
            int parent = stack[top - 1][0];
            low[parent] = Math.min(low[parent], low[node]);
            subtree[parent] += subtree[node];
            int edge = frame[1];
            boolean bridge = low[node] > discovered[parent];
            int side = subtree[node];
            if (bridge && cuttable(side, componentSize, graph.weight(edge), bestWeight)) {
              best = edge;
              bestWeight = graph.weight(edge);
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * The group's records numbered from 0 in order of first appearance, each with its (neighbour,
   * edge) pairs.
   */
  private static List<List<int[]>> adjacency(LinkGraph graph, List<Integer> edges) {
    Map<Integer, Integer> local = new HashMap<>();
    for (int e : edges) {
      local.putIfAbsent(graph.left(e), local.size());
      local.putIfAbsent(graph.right(e), local.size());
    }
    int n = local.size();
    List<List<int[]>> adjacency = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacency.add(new ArrayList<>());
    }
    for (int e : edges) {
      int a = local.get(graph.left(e));
      int b = local.get(graph.right(e));
      adjacency.get(a).add(new int[] {b, e});
      adjacency.get(b).add(new int[] {a, e});
    }
    return adjacency;
  }

  /**
   * A bridge may be cut when both sides keep at least two records and it is weaker than the policy
   * allows and than the weakest found so far.
   */
  private boolean cuttable(int side, int componentSize, float weight, float bestWeight) {
    return side >= 2
        && componentSize - side >= 2
        && weight < policy.bridgeWeight()
        && weight < bestWeight;
  }

  private static int componentSize(List<List<int[]>> adjacency, int start) {
    boolean[] seen = new boolean[adjacency.size()];
    int[] queue = new int[adjacency.size()];
    int head = 0;
    int tail = 0;
    queue[tail++] = start;
    seen[start] = true;
    while (head < tail) {
      for (int[] next : adjacency.get(queue[head++])) {
        if (!seen[next[0]]) {
          seen[next[0]] = true;
          queue[tail++] = next[0];
        }
      }
    }
    return tail;
  }

  private static Clustering finish(LinkGraph graph, boolean[] joined, List<Clustering.Alarm> a) {
    int n = graph.records();
    Groups finalGroups = new Groups(n, graph);
    List<Clustering.Join> joins = new ArrayList<>();
    for (int e = 0; e < graph.size(); e++) {
      if (joined[e]) {
        finalGroups.union(finalGroups.find(graph.left(e)), finalGroups.find(graph.right(e)));
        joins.add(
            new Clustering.Join(graph.left(e), graph.right(e), graph.weight(e), graph.reason(e)));
      }
    }
    int[] clusterOf = new int[n];
    int[] numberOfRoot = new int[n];
    Arrays.fill(numberOfRoot, -1);
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      int root = finalGroups.find(i);
      if (numberOfRoot[root] < 0) {
        numberOfRoot[root] = clusters++;
      }
      clusterOf[i] = numberOfRoot[root];
    }
    return new Clustering(clusterOf, clusters, joins, a);
  }

  /** Union-find with sizes, member rings, cannot-link lists and one NHS number per group. */
  private static final class Groups {
    private static final String CONFLICTED = "\u0000conflict";
    private final int[] parent;
    private final int[] size;
    private final int[] next;
    private final String[] identity;
    private final String @Nullable [] upn;
    private final String @Nullable [] pnc;
    private final int[] birth;
    private final boolean[] hasBirth;
    private final LinkGraph graph;
    private final int[][] cannot;

    Groups(int n, LinkGraph graph) {
      parent = new int[n];
      size = new int[n];
      next = new int[n];
      identity = new String[n];
      upn = new String[n];
      pnc = new String[n];
      birth = new int[n];
      hasBirth = new boolean[n];
      this.graph = graph;
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        size[i] = 1;
        next[i] = i;
        identity[i] = graph.identity(i);
        upn[i] = graph.upn(i);
        pnc[i] = graph.pncId(i);
        birth[i] = graph.birthDate(i);
        hasBirth[i] = birth[i] >= 0;
      }
      int[] degree = new int[n];
      int cannotLinks = graph.cannotLinkCount();
      for (int i = 0; i < cannotLinks; i++) {
        degree[graph.cannotLeft(i)]++;
        degree[graph.cannotRight(i)]++;
      }
      cannot = new int[n][];
      for (int i = 0; i < cannotLinks; i++) {
        add(graph.cannotLeft(i), graph.cannotRight(i), degree);
        add(graph.cannotRight(i), graph.cannotLeft(i), degree);
      }
    }

    private void add(int from, int to, int[] degree) {
      if (cannot[from] == null) {
        cannot[from] = new int[degree[from]];
        degree[from] = 0;
      }
      cannot[from][degree[from]++] = to;
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    int size(int root) {
      return size[root];
    }

    /** Why two groups may not merge, or null; a steward's join overrides all but NHS numbers. */
    String conflict(int ra, int rb, boolean steward) {
      if (differ(identity, ra, rb)) {
        return "different NHS numbers";
      }
      if (!steward) {
        if (differ(upn, ra, rb)) {
          return "different UPNs";
        }
        if (differ(pnc, ra, rb)) {
          return "different PNC ids";
        }
        if (hasBirth[ra] && hasBirth[rb] && !birthDatesCompatible(ra, rb)) {
          return "dates of birth that cannot both be right";
        }
      }
      return cannotLinkBetween(ra, rb);
    }

    private static boolean differ(String[] values, int ra, int rb) {
      return values[ra] != null && values[rb] != null && !values[ra].equals(values[rb]);
    }

    /** Every date of birth of one group against every one of the other (groups are small). */
    private boolean birthDatesCompatible(int ra, int rb) {
      int a = ra;
      do {
        if (birth[a] >= 0) {
          int b = rb;
          do {
            if (birth[b] >= 0 && !graph.birthDatesCompatible(a, b)) {
              return false;
            }
            b = next[b];
          } while (b != rb);
        }
        a = next[a];
      } while (a != ra);
      return true;
    }

    private String cannotLinkBetween(int ra, int rb) {
      int small = size[ra] <= size[rb] ? ra : rb;
      int other = small == ra ? rb : ra;
      int member = small;
      do {
        int[] partners = cannot[member];
        if (partners != null) {
          for (int partner : partners) {
            if (find(partner) == other) {
              return "a cannot-link between them";
            }
          }
        }
        member = next[member];
      } while (member != small);
      return null;
    }

    void union(int ra, int rb) {
      if (ra == rb) {
        return;
      }
      if (size[ra] < size[rb]) {
        int t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
      int t = next[ra];
      next[ra] = next[rb];
      next[rb] = t;
      identity[ra] = merged(identity[ra], identity[rb]);
      upn[ra] = merged(upn[ra], upn[rb]);
      pnc[ra] = merged(pnc[ra], pnc[rb]);
      hasBirth[ra] |= hasBirth[rb];
    }

    private static String merged(String a, String b) {
      return a == null ? b : (b == null || a.equals(b) ? a : CONFLICTED);
    }
  }
}
