//! Offline test kit (stub; being written).
