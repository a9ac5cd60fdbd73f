//! The main job on the shipped corpus, as a new user runs it.

mod common;
use common::*;

#[test]
fn run_with_no_arguments_reads_corpus_and_writes_all_outputs() {
    let work = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    copy_files(&corpus, &work.path().join("corpus"), &file_names(&corpus));
    let out = run_in(work.path(), &["run", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for name in OUTPUTS {
        assert!(
            work.path().join("out").join(name).exists(),
            "out/{name} missing"
        );
    }
    let claims = csv_rows(&work.path().join("out/claims.csv"));
    assert!(claims.len() > 50, "only {} claims", claims.len());
    assert!(
        claims
            .iter()
            .all(|c| c["review"].is_empty() && c["note"].is_empty())
    );
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(work.path().join("out/run.json")).unwrap())
            .unwrap();
    assert_eq!(run["counts"]["processed"], 5);
    assert_eq!(run["lexicons"].as_array().unwrap().len(), 6);
}

/// Outputs depend on the inputs only: not on threads, nor on the order in
/// which files were created on disk.
#[test]
fn outputs_are_byte_identical_across_threads_and_creation_order() {
    let corpus = repo().join("corpus");
    let mut names = file_names(&corpus);
    let forward = tempfile::tempdir().unwrap();
    let reverse = tempfile::tempdir().unwrap();
    copy_files(&corpus, &forward.path().join("corpus"), &names);
    names.reverse();
    copy_files(&corpus, &reverse.path().join("corpus"), &names);
    let runs = [
        (forward.path(), "1"),
        (forward.path(), "2"),
        (reverse.path(), "2"),
    ];
    let mut outputs = Vec::new();
    for (i, (dir, threads)) in runs.iter().enumerate() {
        let out_dir = format!("out{i}");
        let out = run_in(
            dir,
            &[
                "run",
                "corpus",
                "--out",
                &out_dir,
                "--threads",
                threads,
                "--quiet",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let files: Vec<Vec<u8>> = OUTPUTS
            .iter()
            .map(|n| std::fs::read(dir.join(&out_dir).join(n)).unwrap())
            .collect();
        outputs.push(files);
    }
    for (i, name) in OUTPUTS.iter().enumerate() {
        assert!(
            outputs[0][i] == outputs[1][i],
            "{name} differs between 1 and 2 threads"
        );
        assert!(
            outputs[0][i] == outputs[2][i],
            "{name} differs with files created in reverse order"
        );
    }
}

#[test]
fn claim_ids_are_stable_and_offsets_point_into_the_file() {
    let work = tempfile::tempdir().unwrap();
    let out = run_in(
        &repo(),
        &[
            "run",
            "corpus",
            "--out",
            work.path().to_str().unwrap(),
            "--quiet",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let claims = csv_rows(&work.path().join("claims.csv"));
    let mut ids: Vec<&String> = claims.iter().map(|c| &c["claim_id"]).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), claims.len(), "claim ids must be unique");
    for c in claims.iter().take(40) {
        let bytes = std::fs::read(repo().join("corpus").join(&c["doc"])).unwrap();
        let start: usize = c["start"].parse().unwrap();
        let end: usize = c["end"].parse().unwrap();
        let original = String::from_utf8_lossy(&bytes[start..end]);
        let squeezed: String = original.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squeezed, c["sentence"], "offsets of a claim's sentence");
        assert!(
            c["sentence"].contains(&c["subject_text"]) && c["sentence"].contains(&c["object_text"])
        );
    }
}
