"""The ttkbootstrap screens. They call services only, never TinyDB directly."""
