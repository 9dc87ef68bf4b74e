#include "syntax/sentence.h"

#include <algorithm>

namespace parley::syntax {
namespace {

// Word `i`'s head, or -1 when it has none or it points outside the sentence.
int head_of(const Sentence& s, int i) {
  const int h = s.words[i].head;
  return h >= 0 && h < s.size() ? h : -1;
}

bool relation_matches(std::string_view deprel, std::string_view rel) {
  if (rel.empty()) return true;
  if (deprel.size() < rel.size() || deprel.compare(0, rel.size(), rel) != 0) return false;
  if (deprel.size() == rel.size()) return true;
  // "obl" also matches its subtypes ("obl:tmod"); "obl:tmod" only itself.
  return rel.find(':') == std::string_view::npos && deprel[rel.size()] == ':';
}

// `i` and its ancestors, nearest first. Stops at a head already seen, so malformed heads that
// form a cycle end the walk instead of looping.
std::vector<int> ancestors(const Sentence& s, int i) {
  std::vector<int> chain;
  std::vector<bool> seen(s.words.size(), false);
  for (int j = i; j >= 0 && !seen[j]; j = head_of(s, j)) {
    seen[j] = true;
    chain.push_back(j);
  }
  return chain;
}

}  // namespace

std::vector<int> Sentence::children(int i, std::string_view rel) const {
  std::vector<int> out;
  if (i < 0 || i >= size()) return out;
  for (int j = 0; j < size(); ++j)
    if (j != i && words[j].head == i && relation_matches(words[j].deprel, rel)) out.push_back(j);
  return out;
}

int Sentence::child(int i, std::string_view rel) const {
  if (i < 0 || i >= size()) return -1;
  for (int j = 0; j < size(); ++j)
    if (j != i && words[j].head == i && relation_matches(words[j].deprel, rel)) return j;
  return -1;
}

std::vector<int> Sentence::roots() const {
  std::vector<int> out;
  for (int j = 0; j < size(); ++j)
    if (head_of(*this, j) == -1) out.push_back(j);
  return out;
}

std::pair<int, int> Sentence::subtree(int i) const {
  if (i < 0 || i >= size()) return {-1, -1};
  // Children lists in one pass (counting sort by head), then a walk down from i that visits
  // each word once: O(n), and a cycle in malformed heads cannot make it loop.
  const int n = size();
  std::vector<int> start(n + 1, 0);
  for (int j = 0; j < n; ++j)
    if (int h = head_of(*this, j); h >= 0) ++start[h + 1];
  for (int h = 0; h < n; ++h) start[h + 1] += start[h];
  std::vector<int> kids(start[n]);
  std::vector<int> fill(start.begin(), start.end() - 1);
  for (int j = 0; j < n; ++j)
    if (int h = head_of(*this, j); h >= 0) kids[fill[h]++] = j;
  std::vector<bool> seen(n, false);
  std::vector<int> stack = {i};
  seen[i] = true;
  int first = i, last = i;
  while (!stack.empty()) {
    const int j = stack.back();
    stack.pop_back();
    first = std::min(first, j);
    last = std::max(last, j);
    for (int k = start[j]; k < start[j + 1]; ++k)
      if (!seen[kids[k]]) {
        seen[kids[k]] = true;
        stack.push_back(kids[k]);
      }
  }
  return {first, last};
}

std::pair<size_t, size_t> Sentence::subtree_span(int i) const {
  const auto [first, last] = subtree(i);
  if (first < 0) return {0, 0};
  const size_t b = words[first].begin;
  return {b, std::max(b, words[last].end)};
}

std::vector<int> Sentence::path(int a, int b) const {
  if (a < 0 || a >= size() || b < 0 || b >= size()) return {};
  const std::vector<int> up_a = ancestors(*this, a);
  const std::vector<int> up_b = ancestors(*this, b);
  std::vector<int> pos_in_a(words.size(), -1);
  for (size_t k = 0; k < up_a.size(); ++k) pos_in_a[up_a[k]] = static_cast<int>(k);
  // The lowest common ancestor is the first of b's ancestors that is also one of a's.
  for (size_t k = 0; k < up_b.size(); ++k) {
    const int at = pos_in_a[up_b[k]];
    if (at < 0) continue;
    std::vector<int> out(up_a.begin(), up_a.begin() + at + 1);
    out.insert(out.end(), up_b.rend() - static_cast<std::ptrdiff_t>(k), up_b.rend());
    return out;
  }
  return {};
}

std::string_view Sentence::universal_deprel(int i) const {
  if (i < 0 || i >= size()) return {};
  std::string_view d = words[i].deprel;
  return d.substr(0, d.find(':'));
}

}  // namespace parley::syntax
