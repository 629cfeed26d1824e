//! Model-based property test: proptest's step sequences through the check the fuzzer also runs
//! (`simulator_steps`: the simulator against a plain reference model), and the same seed and steps
//! giving the same ids and snapshots.

use chat_event_core::simulator::Simulator;
use chat_event_fuzz_targets::simulator_steps::{check, play, Run, Step};
use proptest::prelude::*;

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..2u8, 0..3u8, 0..3u8).prop_map(|(source, subtype, kind)| Step::Send { source, subtype, kind }),
        // Near the two chat durations' edges (60 and 1,500 minutes) as well as small steps.
        2 => prop_oneof![0..5u16, 50..70u16, 1400..1600u16].prop_map(|minutes| Step::Advance { minutes }),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(pick, agent)| Step::End { pick, agent }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn simulator_agrees_with_the_reference_model(
        steps in prop::collection::vec(step(), 1..60),
        ignore_case in any::<bool>(),
        long_chats in any::<bool>(),
        seed in 0..4u64,
    ) {
        let run = Run { steps, ignore_case, long_chats, seed };
        if let Err(why) = check(&run) {
            return Err(TestCaseError::fail(why));
        }
    }

    #[test]
    fn same_seed_and_steps_give_the_same_ids_and_snapshots(
        steps in prop::collection::vec(step(), 1..40),
        seed in any::<u64>(),
    ) {
        let (a, snap_a) = play(&steps, seed);
        let (b, snap_b) = play(&steps, seed);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&snap_a, &snap_b);
        // And the snapshot restores to the same state.
        let restored = Simulator::restore(&snap_a).unwrap();
        prop_assert_eq!(restored.snapshot(), snap_a);
        if a.iter().any(|(c, _)| c.is_some()) {
            let (other, _) = play(&steps, seed.wrapping_add(1));
            prop_assert_ne!(a, other, "another seed gives other ids");
        }
    }
}
