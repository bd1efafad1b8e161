from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import timezone


class ClockConsumer(AsyncJsonWebsocketConsumer):
    """Tells the browser the server's time so countdowns follow the server's clock."""

    async def connect(self) -> None:
        await self.accept()
        await self.send_json({"type": "clock.synced", "server_time": timezone.now().isoformat()})

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json(
                {"type": "clock.synced", "server_time": timezone.now().isoformat()}
            )
        else:
            await self.send_json({"type": "error", "code": "unknown_message"})
