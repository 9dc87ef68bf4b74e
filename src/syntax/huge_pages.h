/// An allocator for the large, randomly probed tables of a loaded model (the perceptrons'
/// slots and weights, some 23 MB in all): blocks of 2 MiB or more are 2 MiB-aligned and
/// advised as transparent huge pages (madvise MADV_HUGEPAGE; Linux in its default "madvise"
/// mode backs only such ranges with huge pages). Every lookup of a feature lands on a random
/// page; with 4 KiB pages nearly each one also misses the TLB, with 2 MiB pages the whole
/// table fits in it. The bytes are the same either way: this changes speed, never a result.
///
///   std::vector<Slot, HugePageAllocator<Slot>> slots;   // used like any vector
///
/// Stateless, so any two compare equal; thread-safe as malloc is. Where huge pages are not
/// available the advice is ignored and the memory is ordinary.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace parley::syntax {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: rebinding, as allocators do

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(p, rounded, MADV_HUGEPAGE);  // advice only: its failure changes nothing
#endif
    return static_cast<T*>(p);
  }

  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) < kHugePage)
      ::operator delete(p);
    else
      std::free(p);
  }

  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

}  // namespace parley::syntax
