from atelier_app.cli import main

raise SystemExit(main())
