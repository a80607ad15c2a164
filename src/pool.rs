//! Work spread over threads: one producer hands items to workers on every core, each
//! worker keeps its own results, and the caller merges them. Nothing here knows what
//! the work is; callers sort what comes back, so the order of work never shows.

use std::sync::Mutex;
use std::sync::mpsc;

/// How many workers `requested` means: 0 is one per core.
pub(crate) fn workers(requested: usize) -> usize {
    if requested == 0 {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        requested
    }
}

/// Runs `produce` on this thread, handing each item it sends to one of `threads`
/// workers, which call `work` with the item and their own accumulator. Returns every
/// worker's accumulator and what `produce` returned. With one thread everything runs
/// here, in order.
///
/// A panic in a worker is raised again here rather than losing its items silently.
pub(crate) fn fan_out<Item, Accumulator, Produced>(
    threads: usize,
    produce: impl FnOnce(&mut dyn FnMut(Item)) -> Produced,
    work: impl Fn(Item, &mut Accumulator) + Sync,
) -> (Vec<Accumulator>, Produced)
where
    Item: Send,
    Accumulator: Default + Send,
{
    if threads <= 1 {
        let mut accumulator = Accumulator::default();
        let produced = produce(&mut |item| work(item, &mut accumulator));
        return (vec![accumulator], produced);
    }
    let (sender, receiver) = mpsc::channel::<Item>();
    let receiver = Mutex::new(receiver);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut accumulator = Accumulator::default();
                    loop {
                        // A poisoned lock means another worker panicked; that panic is
                        // raised again below.
                        let next = match receiver.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => break,
                        };
                        let Ok(item) = next else { break };
                        work(item, &mut accumulator);
                    }
                    accumulator
                })
            })
            .collect();
        // Workers only stop receiving by panicking, which the join below raises again.
        let produced = produce(&mut |item| {
            let _ = sender.send(item);
        });
        drop(sender);
        let accumulators = handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect();
        (accumulators, produced)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_worked_once_whatever_the_threads() {
        for threads in [1, 2, 5] {
            let (sums, produced) = fan_out(
                threads,
                |send| {
                    for item in 1..=100u64 {
                        send(item);
                    }
                    "done"
                },
                |item, sum: &mut (u64, usize)| {
                    sum.0 += item;
                    sum.1 += 1;
                },
            );
            assert_eq!(produced, "done");
            assert_eq!(sums.iter().map(|sum| sum.0).sum::<u64>(), 5050, "{threads} threads");
            assert_eq!(sums.iter().map(|sum| sum.1).sum::<usize>(), 100, "{threads} threads");
            assert_eq!(sums.len(), threads);
        }
    }

    #[test]
    #[should_panic(expected = "a worker's bug")]
    fn a_panicking_worker_is_not_lost() {
        fan_out(
            2,
            |send| {
                for item in 0..10 {
                    send(item);
                }
            },
            |item: i32, _: &mut ()| assert_ne!(item, 7, "a worker's bug"),
        );
    }
}
