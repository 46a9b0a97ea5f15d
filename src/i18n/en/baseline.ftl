# The baseline file (accepted findings, alinea-baseline.json).

baseline-unreadable = cannot read the baseline `{ $file }`: { $reason }
baseline-not-a-baseline = `{ $file }` is not an alinea baseline: { $reason }
baseline-version = `{ $file }` is a baseline of version { $version }; this alinea reads version 1
